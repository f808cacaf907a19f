import { createRequire } from "node:module";
import { dirname } from "node:path";
import Parser from "tree-sitter";

/**
 * C# source read with tree-sitter's C# grammar (the tree-sitter-c-sharp package of the tree-sitter project), for
 * checking the generated .NET SDK where no C# compiler and no Pulumi .NET SDK can be installed. A parse proves the
 * text is C# the grammar accepts, and the declarations read from the tree say what the SDK declares; neither
 * resolves a type.
 */
export type Language = Parser.Language;

/**
 * The grammar's native binding, loaded the way its package's own entry point does (node-gyp-build, its prebuilt
 * binary for this platform); the entry point itself is an ES module with top-level await, which require() refuses.
 */
export function csharpLanguage(): Language {
    const packageFile = require.resolve("tree-sitter-c-sharp/package.json");
    const nodeGypBuild = createRequire(packageFile)("node-gyp-build") as (directory: string) => Language;
    return nodeGypBuild(dirname(packageFile));
}

export function parseCsharp(source: string, language: Language = csharpLanguage()): Parser.Tree {
    const parser = new Parser();
    parser.setLanguage(language);
    // The default buffer (32 KiB) is shorter than the larger generated files.
    return parser.parse(source, undefined, { bufferSize: Math.max(32 * 1024, source.length * 2 + 1) });
}

/** Where the tree has syntax errors: ERROR and MISSING nodes as "line:column type". */
export function syntaxErrors(tree: Parser.Tree): string[] {
    const errors: string[] = [];
    const visit = (node: Parser.SyntaxNode) => {
        if (node.isError || node.isMissing)
            errors.push(
                `${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.isMissing ? `missing ${node.type}` : "ERROR"}`,
            );
        else if (node.hasError) node.children.forEach(visit);
    };
    visit(tree.rootNode);
    return errors;
}

/** What one class declares for Pulumi: its attributes' first string arguments and its members' Input/Output names. */
export interface DeclaredClass {
    name: string;
    /** Attribute name → its first string argument, on the class itself, e.g. SslmanagerResourceType → the type token. */
    attributes: Map<string, string>;
    outputs: string[];
    inputs: string[];
    /** Inputs whose property setter wraps the value with Output.CreateSecret. */
    secretInputs: string[];
    /** The strings of `AdditionalSecretOutputs = { ... }` anywhere in the class. */
    additionalSecretOutputs: string[];
}

export function declaredClasses(tree: Parser.Tree): DeclaredClass[] {
    return tree.rootNode.descendantsOfType("class_declaration").map(declaredClass);
}

function declaredClass(declaration: Parser.SyntaxNode): DeclaredClass {
    const body = declaration.childForFieldName("body")!;
    const members = body.namedChildren;
    const inputs = new Map<string, string>(); // member name → Input name
    const outputs: string[] = [];
    for (const member of members) {
        for (const [attribute, argument] of attributesOf(member)) {
            if (attribute === "Input") inputs.set(memberName(member), argument);
            if (attribute === "Output") outputs.push(argument);
        }
    }
    const wrapsSecret = (property: Parser.SyntaxNode) =>
        property
            .descendantsOfType("invocation_expression")
            .some((call) => call.childForFieldName("function")?.text === "Output.CreateSecret");
    // The [Input] sits on the private field the property's setter assigns.
    const inputsAssigned = (property: Parser.SyntaxNode) =>
        property
            .descendantsOfType("identifier")
            .flatMap((identifier) => (inputs.has(identifier.text) ? [inputs.get(identifier.text)!] : []));
    const secretInputs = [
        ...new Set(
            members
                .filter((member) => member.type === "property_declaration" && wrapsSecret(member))
                .flatMap(inputsAssigned),
        ),
    ];
    const additionalSecretOutputs = declaration
        .descendantsOfType("assignment_expression")
        .filter((assignment) => assignment.childForFieldName("left")?.text === "AdditionalSecretOutputs")
        .flatMap((assignment) =>
            assignment
                .childForFieldName("right")!
                .descendantsOfType("string_literal_content")
                .map((content) => content.text),
        );
    return {
        name: declaration.childForFieldName("name")!.text,
        attributes: new Map(attributesOf(declaration)),
        outputs,
        inputs: [...inputs.values()],
        secretInputs,
        additionalSecretOutputs,
    };
}

/** [Name("first string", ...)] attributes directly on a declaration, as [name, first string]. */
function attributesOf(declaration: Parser.SyntaxNode): [string, string][] {
    return declaration.namedChildren
        .filter((child) => child.type === "attribute_list")
        .flatMap((list) => list.namedChildren.filter((child) => child.type === "attribute"))
        .map((attribute): [string, string] => {
            const first = attribute.descendantsOfType("attribute_argument")[0];
            const content = first?.descendantsOfType("string_literal_content")[0];
            return [attribute.childForFieldName("name")!.text, content?.text ?? ""];
        });
}

/** The declared name of a property or of a field's (first) variable. */
function memberName(member: Parser.SyntaxNode): string {
    if (member.type === "field_declaration")
        return member.descendantsOfType("variable_declarator")[0].childForFieldName("name")!.text;
    return member.childForFieldName("name")?.text ?? "";
}

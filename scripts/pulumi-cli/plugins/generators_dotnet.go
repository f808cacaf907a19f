//go:build dotnet

package main

import (
	"github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func init() {
	generators["dotnet"] = func(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest, _ schema.ReferenceLoader) (map[string][]byte, error) {
		// The .NET generator downloads the package logo (schema logoUrl, else one on GitHub); without a network
		// the package gets its logo from this plugin instead.
		if pkg.LogoURL == "" {
			pkg.LogoURL = logoScheme + ":///logo.png"
		}
		return dotnet.GeneratePackage("pulumi-language-dotnet", pkg, req.ExtraFiles, req.LocalDependencies)
	}
}

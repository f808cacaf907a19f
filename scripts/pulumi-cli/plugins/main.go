// Command pulumi-sslmanager-codegen is a Pulumi language plugin that only generates SDKs: the GeneratePackage call
// of the LanguageRuntime service, which `pulumi package gen-sdk` makes. Pulumi's own language hosts for Node.js,
// Python, Go and .NET are not served by the Go module proxy reachable here, so this plugin calls the code generators
// they are built on: github.com/pulumi/pulumi/pkg/v3/codegen/{nodejs,python,go} at the CLI's version, and, built
// with the tag `dotnet`, codegen/dotnet from pkg v3.206.0 (the version Pulumi YAML needs; v3.248.0 no longer has it).
// The language is the suffix of the name it is started under (pulumi-language-nodejs, ...: links to the binary).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	pbempty "github.com/golang/protobuf/ptypes/empty"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

const version = "0.1.0"

type codegenHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	language string
}

func (host *codegenHost) GetPluginInfo(context.Context, *pbempty.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

func (host *codegenHost) Handshake(context.Context, *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

// generator writes one language's SDK files from a bound package.
type generator func(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest, loader schema.ReferenceLoader) (map[string][]byte, error)

// generators holds the languages of this build (generators_*.go: which ones depends on the pkg version built against).
var generators = map[string]generator{}

func (host *codegenHost) generate(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest, loader schema.ReferenceLoader) (map[string][]byte, error) {
	generate, ok := generators[host.language]
	if !ok {
		return nil, fmt.Errorf("this build of pulumi-sslmanager-codegen has no code generator for %q", host.language)
	}
	return generate(pkg, req, loader)
}

func (host *codegenHost) GeneratePackage(ctx context.Context, req *pulumirpc.GeneratePackageRequest) (*pulumirpc.GeneratePackageResponse, error) {
	loader, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.Schema), &spec); err != nil {
		return nil, err
	}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{AllowDanglingReferences: true})
	if err != nil {
		return nil, err
	}
	response := &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}
	if diags.HasErrors() {
		return response, nil
	}
	files, err := host.generate(pkg, req, loader)
	if err != nil {
		return nil, err
	}
	for name, data := range files {
		path := filepath.Join(req.Directory, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return nil, err
		}
	}
	return response, nil
}

const logoScheme = "sslmanager-logo"

// logoTransport answers the logo URL with a 64x64 PNG drawn here (a padlock-coloured square).
type logoTransport struct{}

func (logoTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for x := 0; x < 64; x++ {
		for y := 0; y < 64; y++ {
			shade := color.RGBA{R: 0x1f, G: 0x6f, B: 0x3f, A: 0xff}
			if x > 12 && x < 52 && y > 28 && y < 56 {
				shade = color.RGBA{R: 0xf2, G: 0xc1, B: 0x2e, A: 0xff}
			}
			img.Set(x, y, shade)
		}
	}
	var buffer bytes.Buffer
	if err := png.Encode(&buffer, img); err != nil {
		return nil, err
	}
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(&buffer), Header: http.Header{}, Request: req}, nil
}

func main() {
	http.DefaultTransport.(*http.Transport).RegisterProtocol(logoScheme, logoTransport{})
	language := strings.TrimPrefix(filepath.Base(os.Args[0]), "pulumi-language-")
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &codegenHost{language: language})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "could not start the code generation plugin: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "the code generation plugin stopped: %v\n", err)
		os.Exit(1)
	}
}

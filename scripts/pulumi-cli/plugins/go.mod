module pulumi-sslmanager/pulumi-plugins

go 1.24.7

require (
	github.com/pulumi/pulumi-yaml v1.25.0
	github.com/pulumi/pulumi/pkg/v3 v3.206.0
	github.com/pulumi/pulumi/sdk/v3 v3.206.0
)

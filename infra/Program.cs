using Pulumi;
using Tazlab.Infra;

// `pulumi up` / `preview` / `destroy` run this: the engine's configuration goes through the same reader and
// validation as the offline `plan`, and the platform is composed from it.
return await Deployment.RunAsync(() => PlatformProgram.Run(EngineInputs.FromEnvironment()));

using Microsoft.Extensions.Options;
using StreamsApp.Worker.Hosting;

// The worker: `dotnet run --project src/StreamsApp.Worker [--key=value ...]`; `--healthcheck` probes a running worker.
if (args.Contains("--healthcheck"))
{
    return await HealthProbe.RunAsync(args.Where(a => a != "--healthcheck").ToArray());
}

try
{
    await using var app = WorkerApp.Build(args);
    await app.RunAsync();
    return Environment.ExitCode;
}
catch (Exception e) when (e is OptionsValidationException or InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" })
{
    // Configuration mistakes are the user's to fix: the message names the key; a stack trace would bury it.
    Console.Error.WriteLine($"Invalid configuration: {e.Message}");
    return 2;
}

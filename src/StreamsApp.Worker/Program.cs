using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Errors;
using StreamsApp.Worker.Hosting;

// The worker: `dotnet run --project src/StreamsApp.Worker [--key=value ...]`; `--healthcheck` probes a running worker.
if (args.Contains("--healthcheck"))
{
    return await HealthProbe.RunAsync(args.Where(a => a != "--healthcheck").ToArray());
}

try
{
    await using var app = WorkerApp.Build(args);
    // Before the host starts anything: a cluster that does not answer is a configuration problem, said once.
    app.Services.GetRequiredService<KafkaConnection>();
    await app.RunAsync();
    return Environment.ExitCode;
}
catch (ClusterUnreachableException e)
{
    Console.Error.WriteLine(
        $"{e.Message}. Check Streams:BootstrapServers (--bootstrap-servers) and the security settings in Kafka:Properties; " +
        "Kafka:ConnectTimeout sets how long to wait.");
    return 2;
}
catch (StreamsConfigException e)
{
    // Found only once the cluster answers, such as a group protocol the brokers do not speak.
    Console.Error.WriteLine($"{e.Message} (the worker's key is Streams:<name>, e.g. --Streams:GroupProtocol=Classic)");
    return 2;
}
catch (OptionsValidationException e)
{
    // Configuration mistakes are the user's to fix: each message names its key; a stack trace would bury them.
    Console.Error.WriteLine(e.Failures.Count() == 1
        ? $"Invalid configuration: {e.Failures.Single()}"
        : $"Invalid configuration:{string.Concat(e.Failures.Select(failure => $"{Environment.NewLine}  - {failure}"))}");
    return 2;
}
catch (InvalidOperationException e) when (e.Source == "Microsoft.Extensions.Configuration.Binder")
{
    Console.Error.WriteLine($"Invalid configuration: {e.Message}");
    return 2;
}

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
catch (Exception e) when (e is OptionsValidationException or InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" })
{
    // Configuration mistakes are the user's to fix: the message names the key; a stack trace would bury it.
    Console.Error.WriteLine($"Invalid configuration: {e.Message}");
    return 2;
}

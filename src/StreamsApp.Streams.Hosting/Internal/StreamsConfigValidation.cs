using Microsoft.Extensions.Options;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Hosting.Internal;

/// <summary>Runs <see cref="StreamsConfig.Validate"/> when the host starts, naming each key by its full configuration path.</summary>
/// <param name="configurationPath">The section the configuration was bound from (<c>Streams</c>); null when set in code.</param>
internal sealed class StreamsConfigValidation(string? configurationPath) : IValidateOptions<StreamsConfig>
{
    public ValidateOptionsResult Validate(string? name, StreamsConfig options)
    {
        var problems = new List<string>();
        try
        {
            options.Validate();
        }
        catch (StreamsConfigException e)
        {
            problems.AddRange(e.Problems);
        }

        // Optional for the engine as such (a test driver needs none), required to run against Kafka.
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            problems.Add("BootstrapServers is required");
        }

        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(configurationPath is null ? problems : problems.Select(p => $"{configurationPath}:{p}"));
    }
}

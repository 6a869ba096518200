using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace StreamsApp.Worker.Configuration;

/// <summary>
/// Reads secrets kept in files (<c>Http:ApiKeyFile</c>, <c>Http:PeerSecretFile</c>: a mounted secret, a file only its
/// owner may read) into the settings they hold, so that no secret needs to be on the command line, where every user
/// of the machine can read it in <c>/proc/&lt;pid&gt;/cmdline</c>.
/// </summary>
internal static class SecretFiles
{
    private static readonly (string FileKey, string ValueKey)[] Secrets = [("Http:ApiKeyFile", "Http:ApiKey"), ("Http:PeerSecretFile", "Http:PeerSecret")];

    /// <summary>The secrets read from the files configured in <paramref name="configuration"/>, by the setting they set.</summary>
    /// <exception cref="OptionsValidationException">A file is set along with its value, or cannot be read, or is empty.</exception>
    public static Dictionary<string, string?> Read(IConfiguration configuration)
    {
        var read = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (fileKey, valueKey) in Secrets)
        {
            if (configuration[fileKey] is not { Length: > 0 } path)
            {
                continue;
            }

            if (!string.IsNullOrEmpty(configuration[valueKey]))
            {
                problems.Add($"Set {valueKey} or {fileKey}, not both");
                continue;
            }

            try
            {
                var secret = File.ReadLines(path).FirstOrDefault()?.Trim();
                if (string.IsNullOrEmpty(secret))
                {
                    problems.Add($"{fileKey}: '{path}' holds no secret on its first line");
                    continue;
                }

                read[valueKey] = secret;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{fileKey}: cannot read '{path}': {e.Message}");
            }
        }

        return problems.Count == 0 ? read : throw new OptionsValidationException(Options.DefaultName, typeof(WorkerOptions), problems);
    }
}

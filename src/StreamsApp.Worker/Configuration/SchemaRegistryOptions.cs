using Confluent.SchemaRegistry;

namespace StreamsApp.Worker.Configuration;

/// <summary>Schema Registry settings (section <c>SchemaRegistry</c>), for Confluent's registry client.</summary>
public sealed class SchemaRegistryOptions
{
    /// <summary>
    /// The registry's URL, or several separated by commas (tried in turn); required with bootstrap servers, ignored when
    /// embedded (the in-process registry is used).
    /// </summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// Confluent client properties, such as <c>schema.registry.basic.auth.credentials.source</c> = <c>USER_INFO</c> and
    /// <c>schema.registry.basic.auth.user.info</c> = <c>key:secret</c> (Confluent Cloud), the
    /// <c>schema.registry.bearer.auth.*</c> properties, <c>schema.registry.ssl.ca.location</c> or
    /// <c>schema.registry.max.retries</c>.
    /// </summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The client configuration: <see cref="Properties"/> and the URL.</summary>
    public SchemaRegistryConfig ClientConfig()
    {
        var config = new SchemaRegistryConfig();
        foreach (var (key, value) in Properties)
        {
            config.Set(key, value);
        }

        config.Url = Url;
        return config;
    }
}

namespace StreamsApp.Worker.Configuration;

/// <summary>Hides the values of secret settings wherever configuration is printed (logs, banner, endpoints).</summary>
public static class SecretRedaction
{
    /// <summary>What a secret value is printed as.</summary>
    public const string Mask = "***";

    private static readonly string[] SecretWords = ["password", "secret", "apikey", "api-key", "api_key", "token", "credential"];

    /// <summary>
    /// Whether the value of <paramref name="key"/> is a secret: any key naming a password, secret, token, credential or
    /// API key (<c>sasl.password</c>, <c>ssl.key.password</c>, <c>sasl.oauthbearer.client.secret</c>, <c>Http:ApiKey</c>),
    /// the JAAS-style <c>sasl.jaas.config</c>, PEM key material (<c>ssl.key.pem</c>) and the registry's
    /// <c>basic.auth.user.info</c> (<c>key:secret</c>).
    /// </summary>
    /// <param name="key">A configuration key or librdkafka property name.</param>
    public static bool IsSecret(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SecretWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase))
            || key.EndsWith("jaas.config", StringComparison.OrdinalIgnoreCase)
            || key.EndsWith("key.pem", StringComparison.OrdinalIgnoreCase)
            || key.EndsWith("user.info", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><paramref name="value"/>, or <see cref="Mask"/> when <paramref name="key"/> is a secret and the value is set.</summary>
    /// <param name="key">The setting's key.</param>
    /// <param name="value">The setting's value.</param>
    public static string Redact(string key, string? value) =>
        IsSecret(key) && !string.IsNullOrEmpty(value) ? Mask : value ?? "";

    /// <summary>The properties with every secret value masked, for printing.</summary>
    /// <param name="properties">librdkafka or configuration key/value pairs.</param>
    public static IReadOnlyDictionary<string, string> Redact(IEnumerable<KeyValuePair<string, string>> properties) =>
        properties.ToDictionary(p => p.Key, p => Redact(p.Key, p.Value), StringComparer.Ordinal);
}

namespace StreamsApp.Streams.Avro;

/// <summary>Where the Schema Registry is and how long to wait for it.</summary>
public sealed class SchemaRegistryClientOptions
{
    /// <summary>The registry's base URL, such as <c>http://localhost:8081</c>. Required.</summary>
    public Uri? Url { get; init; }

    /// <summary>How long one request may take before the registry counts as unreachable. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the options, naming each bad one.</summary>
    /// <exception cref="ArgumentException">The URL is missing or not absolute HTTP(S), or the timeout is not positive.</exception>
    public void Validate()
    {
        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException(
                "SchemaRegistryClientOptions.Url must be an absolute http or https URL, not '" + Url + "'", nameof(Url));
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                "SchemaRegistryClientOptions.RequestTimeout must be positive, not " + RequestTimeout, nameof(RequestTimeout));
        }
    }
}

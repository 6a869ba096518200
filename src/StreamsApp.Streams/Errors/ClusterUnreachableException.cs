namespace StreamsApp.Streams.Errors;

/// <summary>
/// The Kafka cluster did not answer within the time allowed: nothing listens at the bootstrap servers, or the
/// client's security settings do not let it in. A configuration problem at start, unlike a broker lost later.
/// </summary>
public sealed class ClusterUnreachableException : StreamsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="bootstrapServers">The addresses tried.</param>
    /// <param name="timeout">How long the client tried.</param>
    /// <param name="reason">The client's last error.</param>
    /// <param name="innerException">The client's exception.</param>
    public ClusterUnreachableException(string bootstrapServers, TimeSpan timeout, string reason, Exception innerException)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Cannot reach the Kafka cluster at {bootstrapServers} within {timeout.TotalSeconds:0.#} s: {reason}"), innerException)
    {
        BootstrapServers = bootstrapServers;
    }

    /// <summary>The addresses tried.</summary>
    public string BootstrapServers { get; }
}

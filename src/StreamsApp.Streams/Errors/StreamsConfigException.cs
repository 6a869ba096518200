namespace StreamsApp.Streams.Errors;

/// <summary>A configuration that cannot run; the message names every bad key.</summary>
public sealed class StreamsConfigException : StreamsException
{
    /// <summary>Creates the exception from the problems found, each naming its key.</summary>
    /// <param name="problems">One sentence per bad key.</param>
    public StreamsConfigException(IReadOnlyList<string> problems)
        : base("Invalid streams configuration: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>One sentence per bad key.</summary>
    public IReadOnlyList<string> Problems { get; }
}

namespace StreamsApp.Worker.Configuration;

/// <summary>Schema Registry settings (section <c>SchemaRegistry</c>).</summary>
public sealed class SchemaRegistryOptions
{
    /// <summary>The registry's URL; required with bootstrap servers, ignored when embedded (the in-process registry is used).</summary>
    public string Url { get; set; } = "";
}

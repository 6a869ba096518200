namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// Whether a table's processor must send old values downstream. Turned on while the DSL is built (by a re-grouping
/// that needs to subtract); read by each task's processor instance when it starts.
/// </summary>
internal sealed class OldValuesSwitch
{
    public bool Enabled { get; set; }
}

using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>A fresh temporary state dir, deleted on dispose.</summary>
internal sealed class TempStateRoot : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("streamsapp-state-").FullName;

    public StateDirectory Open(string applicationId) => new(Path, applicationId);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

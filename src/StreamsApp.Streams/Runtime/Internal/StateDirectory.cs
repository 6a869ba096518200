using System.Collections.Concurrent;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>Placeholder until the full state directory lands: task directories and in-process task locks.</summary>
internal sealed class StateDirectory(string stateDir, string applicationId) : IDisposable
{
    private readonly ConcurrentDictionary<TaskId, object> _owners = new();

    public string TaskDirectory(TaskId id) => Directory.CreateDirectory(Path.Combine(stateDir, applicationId, id.ToString())).FullName;

    public bool TryLock(TaskId id, object owner) => _owners.GetOrAdd(id, owner) == owner;

    public void Unlock(TaskId id, object owner) => _owners.TryRemove(new KeyValuePair<TaskId, object>(id, owner));

    public void Dispose()
    {
    }
}

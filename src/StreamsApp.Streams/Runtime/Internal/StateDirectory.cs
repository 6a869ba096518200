using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// An application's local state, <c>&lt;state dir&gt;/&lt;application id&gt;/</c>, with one directory per task
/// (<c>&lt;subtopology&gt;_&lt;partition&gt;/</c>) and one for the global stores (<c>global/</c>). Creating it takes a lock on the whole directory for this
/// instance (a <c>.lock</c> file held open without sharing), so a second process, or a second instance in this
/// process, cannot open the same RocksDB files; dispose to release it. Within the instance, a task's directory is
/// locked by the thread that owns the task, so that during a rebalance hand-over two threads never open one task's
/// stores at once. The directory's <see cref="StateDirectoryMetadata"/> keeps the instance's process id across
/// restarts and the identity of the cluster its state was written against (<see cref="StateIdentityCheck"/>).
/// </summary>
internal sealed class StateDirectory : IDisposable
{
    private const string LockFileName = ".lock";
    private const string GlobalDirectoryName = "global";

    private readonly FileStream _processLock;
    private readonly string _metadataPath;
    private readonly Dictionary<TaskId, object> _taskOwners = [];
    private bool _disposed;

    /// <summary>Creates the application's directory if needed and locks it for this instance.</summary>
    /// <exception cref="StreamsException">Another process or instance holds the directory.</exception>
    public StateDirectory(string stateDir, string applicationId)
    {
        Root = Directory.CreateDirectory(Path.Combine(stateDir, applicationId)).FullName;
        var lockPath = Path.Combine(Root, LockFileName);
        try
        {
            _processLock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StreamsException(
                $"State directory '{Root}' is in use by another process or another instance in this process. "
                + "Give each instance of the application on this machine its own StateDir.", e);
        }

        _metadataPath = Path.Combine(Root, StateDirectoryMetadata.FileName);
        if (StateDirectoryMetadata.Read(_metadataPath) is { } recorded)
        {
            Metadata = recorded;
        }
        else
        {
            Metadata = StateDirectoryMetadata.New();
            Metadata.Write(_metadataPath);
        }
    }

    /// <summary>
    /// The in-memory stores of tasks closed cleanly here a moment ago: the part of a task's local state that lives in
    /// memory rather than in its directory, kept for the task's next owner on this instance.
    /// </summary>
    public ParkedStores Parked { get; } = new();

    /// <summary>What the directory records: the process id (kept across restarts) and the cluster identity.</summary>
    public StateDirectoryMetadata Metadata { get; private set; }

    /// <summary>The instance's process id: read from the directory, or drawn once and kept there.</summary>
    public Guid ProcessId => Metadata.ProcessId;

    /// <summary>The application's directory, <c>&lt;state dir&gt;/&lt;application id&gt;</c>.</summary>
    public string Root { get; }

    /// <summary>
    /// The global stores' directory, <c>&lt;root&gt;/global</c>, created if missing: the global thread's persistent
    /// stores and its checkpoint. Only the global thread uses it, so it takes no lock of its own.
    /// </summary>
    public string GlobalDirectory() => Directory.CreateDirectory(Path.Combine(Root, GlobalDirectoryName)).FullName;

    /// <summary>The task's directory, <c>&lt;root&gt;/&lt;subtopology&gt;_&lt;partition&gt;</c>, created if missing.</summary>
    public string TaskDirectory(TaskId id) => Directory.CreateDirectory(TaskPath(id)).FullName;

    /// <summary>
    /// Locks a task's directory for <paramref name="owner"/> (a stream thread); true if it now holds the lock, also
    /// when it held it already. False while another owner holds it: the caller retries after that owner closes the task.
    /// </summary>
    public bool TryLock(TaskId id, object owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        lock (_taskOwners)
        {
            ThrowIfDisposed();
            if (_taskOwners.TryGetValue(id, out var current))
            {
                return ReferenceEquals(current, owner);
            }

            _taskOwners.Add(id, owner);
            return true;
        }
    }

    /// <summary>Releases a task's lock if <paramref name="owner"/> holds it; a lock held by another owner stays.</summary>
    public void Unlock(TaskId id, object owner)
    {
        lock (_taskOwners)
        {
            if (_taskOwners.TryGetValue(id, out var current) && ReferenceEquals(current, owner))
            {
                _taskOwners.Remove(id);
            }
        }
    }

    /// <summary>
    /// Deletes everything in a task's directory (its stores' files and its checkpoint), so that its stores restore
    /// from scratch: exactly-once needs this when a store may hold writes of an aborted transaction. The task's
    /// stores must be closed. Its parked in-memory stores go too.
    /// </summary>
    public void Wipe(TaskId id)
    {
        Parked.Drop(id);
        DeleteContents(TaskPath(id), keep: []);
    }

    /// <summary>Deletes the global stores' files and checkpoint, so that they rebuild from their topics.</summary>
    public void WipeGlobal() => DeleteContents(Path.Combine(Root, GlobalDirectoryName), keep: []);

    /// <summary>The tasks whose directory holds anything (stores' files, a checkpoint).</summary>
    public IReadOnlyList<TaskId> TasksWithState() =>
        [.. Directory.EnumerateDirectories(Root)
            .Where(HoldsAnything)
            .Select(path => TryParseTaskId(Path.GetFileName(path)))
            .OfType<TaskId>()
            .Order()];

    /// <summary>Whether the global stores' directory holds anything.</summary>
    public bool HasGlobalState() => HoldsAnything(Path.Combine(Root, GlobalDirectoryName));

    /// <summary>Replaces the recorded metadata, on disk first.</summary>
    public void Record(StateDirectoryMetadata metadata)
    {
        metadata.Write(_metadataPath);
        Metadata = metadata;
    }

    /// <summary>
    /// Deletes the application's whole local state (every task directory), as Kafka Streams' <c>cleanUp()</c>:
    /// the next start restores everything from the changelogs. Only while no task is open.
    /// </summary>
    /// <exception cref="InvalidOperationException">A task's directory is locked.</exception>
    public void CleanUp()
    {
        lock (_taskOwners)
        {
            ThrowIfDisposed();
            if (_taskOwners.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Cannot clean up state directory '{Root}' while tasks {string.Join(", ", _taskOwners.Keys)} are open");
            }

            // The lock file stays (this instance holds it open), and so does the process id: a restart still fences
            // what this instance left open.
            DeleteContents(Root, keep: [LockFileName, StateDirectoryMetadata.FileName]);
        }
    }

    /// <summary>Releases the directory for other instances, and drops the parked in-memory stores.</summary>
    public void Dispose()
    {
        lock (_taskOwners)
        {
            _disposed = true;
            _processLock.Dispose();
            _taskOwners.Clear();
        }

        Parked.Dispose();
    }

    private static void DeleteContents(string path, string[] keep)
    {
        var directory = new DirectoryInfo(path);
        if (!directory.Exists)
        {
            return;
        }

        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo subdirectory)
            {
                subdirectory.Delete(recursive: true);
            }
            else if (!keep.Contains(entry.Name))
            {
                entry.Delete();
            }
        }
    }

    private string TaskPath(TaskId id) => Path.Combine(Root, id.ToString());

    private static bool HoldsAnything(string path) => Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any();

    private static TaskId? TryParseTaskId(string name) => TaskId.TryParse(name, out var id) ? id : null;

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}

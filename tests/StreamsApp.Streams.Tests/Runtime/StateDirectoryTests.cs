using System.Diagnostics;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Runtime;

public sealed class StateDirectoryTests : IDisposable
{
    private readonly TempStateRoot _root = new();

    [Fact]
    public void Task_directories_are_created_on_demand_under_the_application_directory()
    {
        using var directory = _root.Open("app");

        var path = directory.TaskDirectory(new TaskId(1, 3));

        Assert.Equal(Path.Combine(_root.Path, "app", "1_3"), path);
        Assert.True(Directory.Exists(path));
        Assert.Equal(Path.Combine(_root.Path, "app"), directory.Root);
    }

    [Fact]
    public void The_process_id_is_drawn_once_and_kept_across_restarts()
    {
        Guid first;
        using (var directory = _root.Open("app"))
        {
            first = directory.ProcessId;
        }

        using var again = _root.Open("app");
        using var otherApplication = _root.Open("other-app");

        Assert.NotEqual(Guid.Empty, first);
        Assert.Equal(first, again.ProcessId);
        Assert.NotEqual(first, otherApplication.ProcessId);
    }

    [Fact]
    public void Unreadable_metadata_gets_a_new_process_id_written_in_its_place()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "app"));
        var path = Path.Combine(_root.Path, "app", StateDirectoryMetadata.FileName);
        File.WriteAllText(path, "{ half-written");

        using var directory = _root.Open("app");

        Assert.NotEqual(Guid.Empty, directory.ProcessId);
        Assert.Equal(directory.ProcessId, StateDirectoryMetadata.Read(path)!.ProcessId);
    }

    [Fact]
    public void A_second_instance_on_the_same_directory_fails_naming_it_until_the_first_is_disposed()
    {
        var first = _root.Open("app");

        var error = Assert.Throws<StreamsException>(() => _root.Open("app"));
        Assert.Contains(Path.Combine(_root.Path, "app"), error.Message, StringComparison.Ordinal);
        Assert.Contains("StateDir", error.Message, StringComparison.Ordinal);

        using var otherApplication = _root.Open("other-app");
        first.Dispose();
        using var again = _root.Open("app");
    }

    [Fact]
    public void Another_process_cannot_take_the_lock_while_an_instance_holds_it()
    {
        using var directory = _root.Open("app");
        var lockFile = Path.Combine(directory.Root, ".lock");

        // flock(1) takes the same advisory lock .NET takes for FileShare.None; -n fails at once instead of waiting.
        Assert.Equal(1, RunFlock(lockFile));
        directory.Dispose();
        Assert.Equal(0, RunFlock(lockFile));
    }

    [Fact]
    public void A_task_lock_belongs_to_one_owner_at_a_time_and_only_the_owner_releases_it()
    {
        using var directory = _root.Open("app");
        var task = new TaskId(0, 1);
        object thread1 = new(), thread2 = new();

        Assert.True(directory.TryLock(task, thread1));
        Assert.True(directory.TryLock(task, thread1));
        Assert.False(directory.TryLock(task, thread2));
        Assert.True(directory.TryLock(new TaskId(0, 2), thread2));

        directory.Unlock(task, thread2);
        Assert.False(directory.TryLock(task, thread2));
        directory.Unlock(task, thread1);
        Assert.True(directory.TryLock(task, thread2));
    }

    [Fact]
    public void Wipe_empties_the_task_directory_and_leaves_other_tasks_alone()
    {
        using var directory = _root.Open("app");
        var wiped = directory.TaskDirectory(new TaskId(0, 0));
        var kept = directory.TaskDirectory(new TaskId(0, 1));
        File.WriteAllText(Path.Combine(wiped, ".checkpoint"), "0\n0\n");
        Directory.CreateDirectory(Path.Combine(wiped, "rocksdb", "store"));
        File.WriteAllText(Path.Combine(wiped, "rocksdb", "store", "000001.sst"), "data");
        File.WriteAllText(Path.Combine(kept, "file"), "data");

        directory.Wipe(new TaskId(0, 0));
        directory.Wipe(new TaskId(5, 5));

        Assert.True(Directory.Exists(wiped));
        Assert.Empty(Directory.EnumerateFileSystemEntries(wiped));
        Assert.True(File.Exists(Path.Combine(kept, "file")));
    }

    [Fact]
    public void CleanUp_deletes_every_task_directory_but_keeps_the_lock_and_the_process_id()
    {
        using var directory = _root.Open("app");
        File.WriteAllText(Path.Combine(directory.TaskDirectory(new TaskId(0, 0)), "file"), "data");
        directory.TaskDirectory(new TaskId(1, 0));

        var processId = directory.ProcessId;

        directory.CleanUp();

        Assert.Equal([".lock", ".process-metadata"], Directory.EnumerateFileSystemEntries(directory.Root).Select(Path.GetFileName).Order());
        Assert.Equal(processId, StateDirectoryMetadata.Read(Path.Combine(directory.Root, ".process-metadata"))!.ProcessId);
        Assert.Throws<StreamsException>(() => _root.Open("app"));
    }

    [Fact]
    public void CleanUp_refuses_while_a_task_is_locked()
    {
        using var directory = _root.Open("app");
        var owner = new object();
        directory.TryLock(new TaskId(0, 0), owner);

        var error = Assert.Throws<InvalidOperationException>(directory.CleanUp);
        Assert.Contains("0_0", error.Message, StringComparison.Ordinal);

        directory.Unlock(new TaskId(0, 0), owner);
        directory.CleanUp();
    }

    public void Dispose() => _root.Dispose();

    private static int RunFlock(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("flock", ["-n", path, "true"]) { UseShellExecute = false })!;
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)));
        return process.ExitCode;
    }
}

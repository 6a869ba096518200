using System.Reflection;
using System.Runtime.InteropServices;

namespace StreamsApp.Kafka.Embedded.Internal;

/// <summary>
/// Points this assembly's P/Invoke at the native librdkafka file that Confluent.Kafka itself loaded. A second copy
/// would work over TCP but doubles librdkafka's global state, and the plain build may not even load (on this
/// machine <c>librdkafka.so</c> needs the missing libsasl2.so.3, so Confluent.Kafka falls back to the CentOS 8 build).
/// </summary>
internal static class LibrdkafkaLibrary
{
    /// <summary>The logical library name the P/Invoke declarations use; <see cref="Register"/> resolves it.</summary>
    internal const string Name = "streamsapp-embedded-librdkafka";

    /// <summary>Installs the resolver; called once, from the static constructor of the P/Invoke class.</summary>
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaLibrary).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Name ? LoadConfluentsLibrary() : IntPtr.Zero;

    private static IntPtr LoadConfluentsLibrary()
    {
        // Reading the version makes Confluent.Kafka load (and pick) its native library before we look for it.
        var version = Confluent.Kafka.Library.Version;
        var confluentAssembly = typeof(Confluent.Kafka.Library).Assembly;
        foreach (var candidate in CandidatesInConfluentsOrder())
        {
            // Same probing as Confluent.Kafka's own DllImports, so an already loaded file yields the same handle. A
            // name may also resolve to another copy (a system librdkafka.so that Confluent.Kafka's own probing passed
            // over): only the copy of the version Confluent.Kafka runs is the one it loaded.
            if (NativeLibrary.TryLoad(candidate, confluentAssembly, null, out var handle) && VersionOf(handle) == version)
            {
                return NativeLibrary.TryGetExport(handle, "rd_kafka_mock_cluster_new", out _)
                    ? handle
                    : throw new DllNotFoundException(
                        $"The native library '{candidate}' loaded by Confluent.Kafka does not export librdkafka's " +
                        "mock cluster API (rd_kafka_mock_cluster_new); the embedded cluster needs librdkafka >= 2.x.");
            }
        }

        throw new DllNotFoundException(
            "Could not find the librdkafka native library Confluent.Kafka uses (tried " +
            string.Join(", ", CandidatesInConfluentsOrder()) + " next to Confluent.Kafka and in the runtimes " +
            "folder of librdkafka.redist). Is the librdkafka.redist package restored for this platform?");
    }

    private static unsafe int VersionOf(IntPtr handle) =>
        NativeLibrary.TryGetExport(handle, "rd_kafka_version", out var export) ? ((delegate* unmanaged<int>)export)() : -1;

    /// <summary>The names Confluent.Kafka's DllImports use, in the order it tries them on this platform.</summary>
    private static string[] CandidatesInConfluentsOrder()
    {
        if (!OperatingSystem.IsLinux())
        {
            return ["librdkafka"];
        }

        return IsAlpine() ? ["alpine-librdkafka"] : ["librdkafka", "centos8-librdkafka"];
    }

    private static bool IsAlpine()
    {
        const string osRelease = "/etc/os-release";
        return File.Exists(osRelease)
            && File.ReadLines(osRelease).Any(line => line.Trim() == "ID=alpine" || line.Trim() == "ID=\"alpine\"");
    }
}

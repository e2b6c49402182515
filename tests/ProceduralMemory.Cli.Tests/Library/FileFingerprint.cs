using System.Security.Cryptography;

namespace ProceduralMemory.Cli.Tests.Library;

/// <summary>
/// The SHA-256 of a library file and of its write-ahead log: equal fingerprints mean no data changed. The
/// shared-memory index (<c>-shm</c>) is left out: SQLite readers, read-only ones included, keep it up to date, and
/// an empty log is the same as none.
/// </summary>
internal static class FileFingerprint
{
    public static string Of(string path) => Hash(path) + "," + Hash(path + "-wal");

    private static string Hash(string path) =>
        File.Exists(path) && new FileInfo(path).Length > 0 ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "empty";
}

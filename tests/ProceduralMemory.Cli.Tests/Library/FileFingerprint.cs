using System.Security.Cryptography;

namespace ProceduralMemory.Cli.Tests.Library;

/// <summary>The SHA-256 of a file and its SQLite side files: equal fingerprints mean not a byte changed.</summary>
internal static class FileFingerprint
{
    public static string Of(string path) => string.Join(",", new[] { "", "-wal", "-shm" }
        .Select(suffix => File.Exists(path + suffix) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path + suffix))) : "none"));
}

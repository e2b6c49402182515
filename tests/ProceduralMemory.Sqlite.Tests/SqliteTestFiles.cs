using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Stores;

namespace ProceduralMemory.Sqlite.Tests;

/// <summary>Raw access to test files: hashes, listings, SQL outside the store, and a small library to damage.</summary>
internal static class SqliteTestFiles
{
    public static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public static string[] Listing(string directory) =>
        [.. Directory.GetFiles(directory).Select(f => $"{System.IO.Path.GetFileName(f)}:{new FileInfo(f).Length}").Order()];

    /// <summary>Runs <paramref name="sql"/> on its own connection and returns the first column of the first row.</summary>
    public static object? Sql(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>A closed library at <paramref name="path"/> with a few skills, demonstrations and episodes.</summary>
    public static void WriteLibrary(string path, int skills = 3)
    {
        using SqliteSkillStore store = SqliteSkillStore.Open(path);
        store.Create(StoreSamples.Manifest);
        store.Commit(new LibraryCommit
        {
            NewSkills = [.. Enumerable.Range(0, skills).Select(i => StoreSamples.New(StoreSamples.Skill(i, uses: 2, successes: 1), i))],
            Episodes = [StoreSamples.Episode(1)],
        });
    }
}

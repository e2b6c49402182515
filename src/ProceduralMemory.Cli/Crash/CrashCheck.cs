using Microsoft.Data.Sqlite;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Sqlite;

namespace ProceduralMemory.Cli.Crash;

/// <summary>
/// What a SQLite library looks like after its writer was killed: whether SQLite finds the file sound, whether it
/// opens for writing as the next training run would open it, and which skills its writers reported stored are missing.
/// </summary>
/// <param name="Integrity"><c>PRAGMA integrity_check</c>'s answer (<c>ok</c> when sound; no file at all is sound), or why it could not run.</param>
/// <param name="OpenFailure">Why the library did not open for writing, or <c>null</c> when it did (or there is no file yet).</param>
/// <param name="Lost">The reported skills not in the library under their reported id and name, as <c>#id name</c>.</param>
/// <param name="Skills">How many skills the library holds.</param>
internal sealed record CrashCheck(string Integrity, string? OpenFailure, IReadOnlyList<string> Lost, int Skills)
{
    /// <summary>SQLite found the file sound.</summary>
    public bool IntegrityOk => Integrity == "ok";

    /// <summary>Sound, open for writing, and nothing lost.</summary>
    public bool Passed => IntegrityOk && OpenFailure is null && Lost.Count == 0;

    /// <summary>
    /// Checks the library file at <paramref name="library"/> against the skills its writers reported stored
    /// (<paramref name="reported"/>, id to name). The integrity check reads the file as the killed process left it;
    /// then the library is opened for writing (SQLite recovers its write-ahead log, as the next run's open would) and
    /// its skills read. A missing file is created by nothing here.
    /// </summary>
    public static CrashCheck Of(string library, IReadOnlyDictionary<int, string> reported)
    {
        if (!File.Exists(library))
            return new CrashCheck("ok", null, [.. reported.Select(r => $"#{r.Key} {r.Value}")], 0);
        string integrity = IntegrityOf(library);
        var present = new Dictionary<int, string>();
        string? openFailure = null;
        try
        {
            using SqliteSkillStore store = SqliteSkillStore.Open(library, readOnly: false);
            if (store.Manifest is not null)
                foreach (SkillRecord skill in store.ReadChanges(0).Skills)
                    present[skill.Id] = skill.Name;
        }
        catch (LibraryException e)
        {
            openFailure = e.Message;
        }
        var lost = reported.Where(r => present.GetValueOrDefault(r.Key) != r.Value).OrderBy(r => r.Key).Select(r => $"#{r.Key} {r.Value}").ToList();
        return new CrashCheck(integrity, openFailure, lost, present.Count);
    }

    /// <summary>The rows of <c>PRAGMA integrity_check</c> on a read-only connection, joined; or SQLite's complaint.</summary>
    private static string IntegrityOf(string library)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = library,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            using SqliteDataReader reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
                rows.Add(reader.GetString(0));
            return string.Join("; ", rows);
        }
        catch (SqliteException e)
        {
            return e.Message.ReplaceLineEndings(" ");
        }
    }
}

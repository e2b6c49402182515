using Microsoft.Data.Sqlite;
using ProceduralMemory.Cli.Crash;
using ProceduralMemory.Cli.Tests.Library;
using ProceduralMemory.Sqlite;

namespace ProceduralMemory.Cli.Tests.Crash;

/// <summary>The crash soak's check on crafted libraries: it passes a sound one and fails each kind of damage.</summary>
public class CrashCheckTests(TrainedLibrary trained) : IClassFixture<TrainedLibrary>
{
    [Fact]
    public void SoundLibrary_WithEveryReportedSkill_Passes()
    {
        using var dir = new TemporaryDirectory();
        string library = trained.CopyTo(dir);
        Dictionary<int, string> skills = SkillsOf(library);

        CrashCheck check = CrashCheck.Of(library, skills);

        Assert.NotEmpty(skills);
        Assert.True(check.Passed, $"{check}");
        Assert.Equal(skills.Count, check.Skills);
    }

    [Fact]
    public void DeletedSkill_ThatWasReportedStored_IsLost()
    {
        using var dir = new TemporaryDirectory();
        string library = trained.CopyTo(dir);
        Dictionary<int, string> skills = SkillsOf(library);
        var (id, name) = skills.First();
        Execute(library, $"PRAGMA foreign_keys = ON; DELETE FROM skills WHERE id = {id}");

        CrashCheck check = CrashCheck.Of(library, skills);

        Assert.True(check.IntegrityOk, check.Integrity);
        Assert.Equal([$"#{id} {name}"], check.Lost);
        Assert.False(check.Passed);
    }

    [Fact]
    public void ReportedSkill_UnderAnotherIdOrName_IsLost()
    {
        using var dir = new TemporaryDirectory();
        string library = trained.CopyTo(dir);
        Dictionary<int, string> reported = SkillsOf(library);
        var (id, name) = reported.First();
        reported[id] = name + "-renamed";
        reported[reported.Keys.Max() + 1] = name;

        CrashCheck check = CrashCheck.Of(library, reported);

        Assert.Equal(2, check.Lost.Count);
        Assert.False(check.Passed);
    }

    [Fact]
    public void CorruptedPages_FailTheIntegrityCheck()
    {
        using var dir = new TemporaryDirectory();
        string library = trained.CopyTo(dir);
        Dictionary<int, string> skills = SkillsOf(library);
        // Garbage over every page but the first (the header, which would make it "not a database" instead).
        byte[] bytes = File.ReadAllBytes(library);
        Assert.True(bytes.Length > 3 * 4096, $"the library has {bytes.Length} bytes");
        for (int i = 4096; i < bytes.Length; i++)
            bytes[i] = (byte)(i * 131 + 17);
        File.WriteAllBytes(library, bytes);

        CrashCheck check = CrashCheck.Of(library, skills);

        Assert.False(check.IntegrityOk, check.Integrity);
        Assert.False(check.Passed);
    }

    [Fact]
    public void MissingFile_LosesEveryReportedSkill_AndIsNotCreated()
    {
        using var dir = new TemporaryDirectory();
        string library = dir.Combine("never.db");

        CrashCheck nothingReported = CrashCheck.Of(library, new Dictionary<int, string>());
        CrashCheck someReported = CrashCheck.Of(library, new Dictionary<int, string> { [0] = "achieve_has_key" });

        Assert.True(nothingReported.Passed);
        Assert.Equal(["#0 achieve_has_key"], someReported.Lost);
        Assert.False(File.Exists(library));
    }

    private static Dictionary<int, string> SkillsOf(string library)
    {
        using var store = SqliteSkillStore.Open(library, readOnly: true);
        return store.ReadChanges(0).Skills.ToDictionary(s => s.Id, s => s.Name);
    }

    private static void Execute(string library, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={library};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

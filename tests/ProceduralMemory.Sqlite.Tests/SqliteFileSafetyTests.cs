using Microsoft.Data.Sqlite;
using ProceduralMemory.Memory.Store;
using static ProceduralMemory.Sqlite.Tests.SqliteTestFiles;

namespace ProceduralMemory.Sqlite.Tests;

/// <summary>Files that are not (or no longer) procmem libraries are refused with a one-line reason and never written.</summary>
public sealed class SqliteFileSafetyTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string> ForeignFiles => ["text", "random bytes", "short SQLite magic", "other application's database",
        "other application's database with its own id", "other application's database in WAL mode", "truncated library"];

    [Theory]
    [MemberData(nameof(ForeignFiles))]
    public void Open_AFileThatIsNotALibrary_ThrowsNamingThePath_AndChangesNoByte(string kind)
    {
        string path = _directory.Combine("file.db");
        Write(kind, path);
        string hash = Sha256(path);
        string[] listing = Listing(_directory.Path);

        var writable = Assert.Throws<LibraryException>(() => SqliteSkillStore.Open(path));
        var readOnly = Assert.Throws<LibraryException>(() => SqliteSkillStore.Open(path, readOnly: true));

        Assert.Contains(path, writable.Message);
        Assert.Contains(path, readOnly.Message);
        Assert.DoesNotContain('\n', writable.Message);
        Assert.Equal(hash, Sha256(path));
        // A WAL database gets SQLite's shared-memory files from any reader; every other kind is left exactly as it was.
        if (kind != "other application's database in WAL mode")
            Assert.Equal(listing, Listing(_directory.Path));
    }

    [Fact]
    public void Open_ANewerSchema_ThrowsNamingBothVersions_AndChangesNoByte()
    {
        string path = _directory.Combine("library.db");
        WriteLibrary(path);
        Sql(path, "INSERT INTO schema_version VALUES (99, 'from the future')");
        string hash = Sha256(path);

        var e = Assert.Throws<LibraryException>(() => SqliteSkillStore.Open(path));

        Assert.Equal($"{path} was written by a newer procmem (schema 99, this build reads up to {SqliteSchema.CurrentVersion})", e.Message);
        Assert.Equal(hash, Sha256(path));
    }

    [Fact]
    public void ReadingALibraryWithDamagedPages_ThrowsALibraryException()
    {
        string path = _directory.Combine("library.db");
        WriteLibrary(path, skills: 40);
        byte[] bytes = File.ReadAllBytes(path);
        for (int i = 2 * 4096; i < bytes.Length - 4096; i += 7)
            bytes[i] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<LibraryException>(() =>
        {
            using SqliteSkillStore store = SqliteSkillStore.Open(path, readOnly: true);
            store.ReadChanges(0);
            for (int id = 0; id < 40; id++)
                store.ReadDemonstrations(id);
        });

        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void ReadChanges_OfASkillWhosePolicyBytesChanged_ThrowsNamingTheSkill()
    {
        string path = _directory.Combine("library.db");
        WriteLibrary(path);
        Sql(path, "UPDATE policies SET data = substr(data, 1, 20) || x'FF' || substr(data, 22) WHERE skill_id = 1");
        using SqliteSkillStore store = SqliteSkillStore.Open(path);

        var e = Assert.Throws<LibraryException>(() => store.ReadChanges(0));

        Assert.StartsWith("skill 1 ('skill-1')", e.Message);
    }

    [Fact]
    public void Open_ABlankSqliteDatabase_MakesItALibrary()
    {
        string path = _directory.Combine("blank.db");
        Sql(path, "PRAGMA user_version = 0");

        using SqliteSkillStore store = SqliteSkillStore.Open(path);
        store.Create(ProceduralMemory.Tests.Shared.Stores.StoreSamples.Manifest);

        Assert.NotNull(store.Manifest);
    }

    [Fact]
    public void Open_ANewLibrary_ItIsBornWholeInWalMode_AndNoBuildingFileRemains()
    {
        string path = _directory.Combine("new.db");

        using (SqliteSkillStore.Open(path)) { }

        // Bytes 18 and 19 of the header are 2 only in WAL mode: the file never existed in rollback mode, where a
        // process killed while switching it left a journal that kept every reader out.
        byte[] header = File.ReadAllBytes(path)[..100];
        Assert.Equal([2, 2], header[18..20]);
        Assert.Equal(["new.db"], Directory.GetFiles(_directory.Path).Select(Path.GetFileName));
        using SqliteSkillStore reader = SqliteSkillStore.Open(path, readOnly: true);
        Assert.Null(reader.Manifest);
    }

    [Fact]
    public void Open_ANewLibrary_RemovesTheUnfinishedBuildsOfProcessesThatAreGone()
    {
        string path = _directory.Combine("new.db");
        // What a process killed while building the library leaves: its unfinished file under its own name.
        string unfinished = path + ".999999-1.new";
        File.WriteAllBytes(unfinished, "SQLite format 3\0"u8.ToArray());
        File.WriteAllBytes(unfinished + "-journal", new byte[512]);

        // And one of a process still running (this one), which must be left alone.
        string running = $"{path}.{Environment.ProcessId}-999999.new";
        File.WriteAllBytes(running, []);

        using (SqliteSkillStore store = SqliteSkillStore.Open(path))
            store.Create(ProceduralMemory.Tests.Shared.Stores.StoreSamples.Manifest);

        using SqliteSkillStore reader = SqliteSkillStore.Open(path, readOnly: true);
        Assert.NotNull(reader.Manifest);
        Assert.False(File.Exists(unfinished));
        Assert.False(File.Exists(unfinished + "-journal"));
        Assert.True(File.Exists(running));
    }

    [Fact]
    public void Open_AFolder_ThrowsNamingIt_AndCreatesNothing()
    {
        string folder = _directory.Combine("library.db");
        Directory.CreateDirectory(folder);

        Assert.Contains("is a folder", Assert.Throws<LibraryException>(() => SqliteSkillStore.Open(folder)).Message);
        Assert.Contains("is a folder", Assert.Throws<LibraryException>(() => SqliteSkillStore.Open(folder, readOnly: true)).Message);
        Assert.Equal(["library.db"], Directory.GetFileSystemEntries(_directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Open_ManyProcessesCreatingOneLibraryAtOnce_AllOpenTheSameWholeLibrary()
    {
        string path = _directory.Combine("raced.db");
        using var start = new Barrier(8);

        SqliteSkillStore[] stores = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => { start.SignalAndWait(); return SqliteSkillStore.Open(path); }).ToArray();
        stores[0].Create(ProceduralMemory.Tests.Shared.Stores.StoreSamples.Manifest);
        foreach (SqliteSkillStore store in stores)
            store.Dispose();

        using SqliteSkillStore reader = SqliteSkillStore.Open(path, readOnly: true);
        Assert.NotNull(reader.Manifest);
        Assert.Equal(["raced.db"], Directory.GetFiles(_directory.Path).Select(f => Path.GetFileName(f)!).Where(f => !f.EndsWith("-wal") && !f.EndsWith("-shm")));
    }

    private static void Write(string kind, string path)
    {
        switch (kind)
        {
            case "text":
                File.WriteAllText(path, "name,uses\nopen_door,3\n");
                break;
            case "random bytes":
                var bytes = new byte[10_000];
                new Random(7).NextBytes(bytes);
                File.WriteAllBytes(path, bytes);
                break;
            case "short SQLite magic":
                File.WriteAllBytes(path, "SQLite format 3\0"u8.ToArray());
                break;
            case "other application's database":
                Sql(path, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('ada')");
                break;
            case "other application's database with its own id":
                Sql(path, "PRAGMA application_id = 1234; CREATE TABLE t (x)");
                break;
            case "other application's database in WAL mode":
                Sql(path, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1)");
                break;
            case "truncated library":
                WriteLibrary(path, skills: 20);
                using (var stream = new FileStream(path, FileMode.Open))
                    stream.SetLength(stream.Length / 2);
                break;
            default:
                throw new ArgumentException(kind);
        }
        SqliteConnection.ClearAllPools();
    }
}

using Microsoft.Data.Sqlite;

namespace ProceduralMemory.Cli.Tests.Library;

/// <summary>Training processes killed with SIGKILL at random moments leave a sound library that training resumes from.</summary>
public class CrashSafetyTests
{
    private const int Rounds = 10;

    [Fact]
    public void TrainingKilledAtRandomMoments_LosesNoCommittedSkill_AndResumes()
    {
        using var dir = new TemporaryDirectory();
        string library = dir.Combine("crash.db");
        var random = new Random(20261121); // the kill moments: varied, yet the same on every run of the test
        var reported = new Dictionary<int, string>();

        for (int round = 0; round < Rounds; round++)
        {
            // Two writers at once, so some kills land while the other process holds the write lock.
            using var a = Train(library, dir, seed: 2 * round + 1);
            using var b = Train(library, dir, seed: 2 * round + 2);
            // The moments count from when both have started training, so a slow start on a busy machine cannot
            // make every kill land before the first commit.
            WaitUntilTraining(a);
            WaitUntilTraining(b);
            Thread.Sleep(random.Next(300, 2500));
            a.Kill();
            Thread.Sleep(random.Next(0, 400));
            b.Kill();
            foreach (string line in a.Lines.Concat(b.Lines))
                if (line.StartsWith("Stored new skill #", StringComparison.Ordinal))
                {
                    string[] words = line["Stored new skill #".Length..].Split(' ');
                    reported[int.Parse(words[0], System.Globalization.CultureInfo.InvariantCulture)] = words[1];
                }
        }

        Assert.NotEmpty(reported); // otherwise the kills all came too early to test anything
        Assert.Equal("ok", IntegrityCheck(library));
        using (var store = Sqlite.SqliteSkillStore.Open(library, readOnly: true))
        {
            var stored = store.ReadChanges(0).Skills.ToDictionary(s => s.Id, s => s.Name);
            foreach (var (id, name) in reported)
                Assert.Equal(name, stored.GetValueOrDefault(id));
        }

        using var resumed = Train(library, dir, seed: 99);
        Assert.Equal(0, resumed.WaitForExit(TimeSpan.FromMinutes(5)));
        Assert.Contains(resumed.Lines, l => l.Contains("continuing from", StringComparison.Ordinal));
        Assert.Equal("ok", IntegrityCheck(library));
    }

    /// <summary>Waits (up to a minute) for the "Training procmem on ..." line that train prints once its library is open.</summary>
    private static void WaitUntilTraining(ProcmemProcess process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!process.Lines.Any(l => l.StartsWith("Training procmem on", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            Thread.Sleep(20);
    }

    private static ProcmemProcess Train(string library, TemporaryDirectory dir, int seed) =>
        ProcmemProcess.Start("train", "--env", "doorkey-5x5", "--steps", "3000", "--seed", $"{seed}", "--eval-seeds", "0-1",
            "--eval-every", "100000", "--library", library, "--out", dir.Combine($"run{seed}"));

    private static string IntegrityCheck(string library)
    {
        using var connection = new SqliteConnection($"Data Source={library};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}

using System.CommandLine;
using System.Security.Cryptography;
using ProceduralMemory.Cli.Tests.Library;

namespace ProceduralMemory.Cli.Tests;

/// <summary>
/// Every command, every option or argument that takes a value, every class of bad value that makes sense for its
/// kind: each must be refused with exit code 2 and one line on standard error, without a stack trace, and without
/// creating or changing any file. Commands and options come from the command tree itself, so a new one is covered
/// without being listed here; a new option taking text must have its kind declared in <see cref="TextKinds"/>.
/// </summary>
public sealed class BadInputTests(TrainedLibrary trained) : IClassFixture<TrainedLibrary>
{
    /// <summary>What a value-taking option or argument expects, which decides the bad values it is tried with.</summary>
    private enum Kind
    {
        Number,
        Folder,
        RunFolder,
        NewFile,
        InputFile,
        Library,
        Text,
    }

    /// <summary>
    /// The kind of each option or argument whose value is text (numbers are recognised by their type), by its name, or
    /// by "command name" where one command gives a name another meaning.
    /// </summary>
    private static readonly Dictionary<string, Kind> TextKinds = new()
    {
        ["--out"] = Kind.Folder,
        ["report --out"] = Kind.NewFile,
        ["--run"] = Kind.RunFolder,
        ["--output"] = Kind.NewFile,
        ["--chart"] = Kind.NewFile,
        ["--events"] = Kind.NewFile,
        ["--library"] = Kind.Library,
        ["FILE"] = Kind.InputFile,
        ["file"] = Kind.InputFile,
        ["--env"] = Kind.Text,
        ["--agent"] = Kind.Text,
        ["--server"] = Kind.Text,
        ["--domain"] = Kind.Text,
        ["--tasks"] = Kind.Text,
        ["--traces"] = Kind.InputFile,
        ["--tools"] = Kind.InputFile,
        ["--data"] = Kind.Text,
        ["--train"] = Kind.Text,
        ["--test"] = Kind.Text,
        ["--curve"] = Kind.Number,
        ["--sequence"] = Kind.Text,
        ["--train-envs"] = Kind.Text,
        ["--test-envs"] = Kind.Text,
        ["--task-a"] = Kind.Text,
        ["--task-b"] = Kind.Text,
        ["--skill"] = Kind.Text,
        ["--urls"] = Kind.Text,
        ["--api-key"] = Kind.Text,
        ["--model"] = Kind.Text,
        ["--keys"] = Kind.Text,
        ["skill"] = Kind.Text,
        // Comma-separated numbers or names: every numeric class is wrong for them too.
        ["--agents"] = Kind.Number,
        ["--actions"] = Kind.Number,
    };

    /// <summary>Values that are valid for an option although they belong to a bad-value class, as "option=value" or "command option=value".</summary>
    private static readonly HashSet<string> ValidAfterAll =
    [
        "--seed=0", "--min-age=0", "--below=0",
        // A seed range of one seed.
        "--eval-seeds=0", "eval --seeds=0",
        // Action 0 (left).
        "--actions=0",
        // A similarity floor of 0 tries every recalled procedure.
        "bench tau --floor=0",
        // A KL weight of 0 (a plain autoencoder) and seed ranges of one seed.
        "bench encoder --beta=0", "--train-seeds=0", "--test-seeds=0",
        // A seed range of one layout: a whole (slow) adaptation benchmark would run.
        "--experience-seeds=0",
        // A key similarity floor from -1 (any keys) to 1, and merging skills whatever their success rate.
        "skills merge --threshold=-1", "skills merge --threshold=0", "skills merge --min-success-rate=0",
        // An exact fit at similarity 0: any skill at least orthogonal to the situation acts alone.
        "bench attention --exact-fit=0",
        // No contexts: the per-context lifecycle off.
        "--contexts=0",
        // Never consolidate (the default).
        "--consolidate-every=0",
        // A separation weight of 0 (the encoder without the term, the default) or 1.5 (weights run from 0 to 1000).
        "--separation=0", "--separation=1.5",
    ];

    /// <summary>Arguments that let each command get past everything but the value under test, and finish fast if it did not.</summary>
    private static readonly Dictionary<string, string> QuickValues = new()
    {
        ["--steps"] = "1", ["--train-steps"] = "1", ["--episodes"] = "1", ["--eval-every"] = "1", ["--eval-seeds"] = "0",
        ["--repeats"] = "1", ["--agents"] = "1", ["--skills"] = "1", ["--queries"] = "1", ["--seeds"] = "1", ["--below"] = "0.5",
        ["--sequence"] = "doorkey-5x5",
    };

    private static bool IsRoot => Environment.UserName == "root";

    [Fact]
    public void EveryCommand_RefusesEveryClassOfBadValue_WithOneLine_ExitTwo_AndNoFileCreatedOrChanged()
    {
        using var work = new TemporaryDirectory();
        Workspace space = Workspace.In(work, trained);
        var failures = new List<string>();
        int runs = 0;

        foreach (var (path, command) in Commands(CommandLineApp.Build(CliConsoleForTree())))
            foreach (var (name, kind, isArgument) in ValueSymbols(path, command))
                foreach (string bad in BadValues(kind, space))
                {
                    string id = $"{path} {name}={bad}";
                    if (ValidAfterAll.Contains($"{name}={bad}") || ValidAfterAll.Contains(id))
                        continue;
                    string[] args = [.. path.Split(' '), .. BaseArguments(command, space, except: name), .. (isArgument ? new[] { bad } : [name, bad])];
                    IReadOnlyDictionary<string, string> before = Snapshot(work.Path);
                    CliRun run = CliRun.Of(args);
                    runs++;
                    string? problem = run switch
                    {
                        { ExitCode: not 2 } => $"exit {run.ExitCode}",
                        _ when run.ErrorLines.Length != 1 => $"{run.ErrorLines.Length} lines on stderr",
                        _ when !run.Error.StartsWith("procmem: ", StringComparison.Ordinal) => "stderr does not start with 'procmem: '",
                        _ when run.Error.Contains("   at ", StringComparison.Ordinal) => "a stack trace",
                        _ when run.Error.Contains("System.", StringComparison.Ordinal) || run.Error.Contains("`1", StringComparison.Ordinal) => "a .NET type name",
                        _ => Changes(before, Snapshot(work.Path)),
                    };
                    if (problem is not null)
                        failures.Add($"procmem {string.Join(' ', args.Select(Quote))}: {problem}: {run.Error.Trim()}");
                    space.Restore();
                }

        Assert.True(runs > 250, $"only {runs} runs: the command tree was not walked");
        Assert.True(failures.Count == 0, $"{failures.Count} of {runs} bad inputs were not refused cleanly:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void EveryOptionTakingText_HasADeclaredKind()
    {
        var undeclared = Commands(CommandLineApp.Build(CliConsoleForTree()))
            .SelectMany(c => ValueSymbolsOrUnknown(c.Path, c.Command).Where(s => s.Kind is null).Select(s => $"{c.Path} {s.Name}"))
            .ToList();

        Assert.True(undeclared.Count == 0, "declare the kind of these in BadInputTests.TextKinds: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void UnreadableFile_IsRefusedWithOneLine_ForAUserWhoCannotReadIt()
    {
        // Root reads a mode-000 file anyway; /proc/self/mem (refused by the read itself) covers that case for root.
        if (IsRoot || OperatingSystem.IsWindows())
            return;
        using var work = new TemporaryDirectory();
        string file = work.Combine("secret.jsonl");
        File.WriteAllText(file, "{}");
        File.SetUnixFileMode(file, UnixFileMode.None);

        foreach (string[] args in new[] { ["conformance", file], new[] { "skills", "import", file, "--library", work.Combine("lib.db") } })
        {
            CliRun run = CliRun.Of(args);
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("procmem: ", Assert.Single(run.ErrorLines));
        }
        Assert.Equal(["secret.jsonl"], Directory.EnumerateFileSystemEntries(work.Path).Select(Path.GetFileName));
    }

    private static CliConsole CliConsoleForTree() => new(TextWriter.Null, TextWriter.Null, IsTerminal: false);

    /// <summary>Every runnable command with its path below the root ("skills import").</summary>
    internal static IEnumerable<(string Path, Command Command)> Commands(Command root, string prefix = "")
    {
        foreach (Command command in root.Subcommands)
        {
            string path = prefix.Length == 0 ? command.Name : $"{prefix} {command.Name}";
            if (command.Action is not null)
                yield return (path, command);
            foreach (var nested in Commands(command, path))
                yield return nested;
        }
    }

    private static IEnumerable<(string Name, Kind Kind, bool IsArgument)> ValueSymbols(string path, Command command) =>
        ValueSymbolsOrUnknown(path, command).Where(s => s.Kind is not null).Select(s => (s.Name, s.Kind!.Value, s.IsArgument));

    private static IEnumerable<(string Name, Kind? Kind, bool IsArgument)> ValueSymbolsOrUnknown(string path, Command command)
    {
        foreach (Option option in command.Options)
            if (option.ValueType != typeof(bool) && option.Name is not ("--help" or "--version"))
                yield return (option.Name, KindOf(path, option.Name, option.ValueType), false);
        foreach (Argument argument in command.Arguments)
            yield return (argument.Name, KindOf(path, argument.Name, argument.ValueType), true);
    }

    private static Kind? KindOf(string path, string name, Type type) =>
        type == typeof(int) || type == typeof(int?) || type == typeof(double) || type == typeof(int[]) ? Kind.Number
        : TextKinds.TryGetValue($"{path} {name}", out Kind kind) || TextKinds.TryGetValue(name, out kind) ? kind
        : null;

    private static IEnumerable<string> BadValues(Kind kind, Workspace space) => kind switch
    {
        Kind.Number => ["-1", "0", "99999999999", "abc", "1.5", ""],
        Kind.Folder => ["", space.ExistingFile, space.Unreadable, Path.Combine(space.ExistingFile, "below")],
        Kind.RunFolder => ["", space.ExistingFile, space.Folder, space.Missing, space.Unreadable],
        Kind.NewFile => ["", space.Folder, Path.Combine(space.Missing, "x.json"), Path.Combine(space.ExistingFile, "x.json")],
        Kind.InputFile => ["", space.Folder, space.Unreadable, space.Missing],
        Kind.Library => ["", space.Folder, space.Unreadable, space.ExistingFile, Path.Combine(space.Missing, "x.db")],
        Kind.Text => ["", "abc", "-1", "99999999999"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Valid values for what the command needs besides the value under test, all inside the workspace.</summary>
    private static IEnumerable<string> BaseArguments(Command command, Workspace space, string except)
    {
        foreach (Option option in command.Options)
        {
            if (option.Name == except)
                continue;
            string? value = option.Name switch
            {
                "--library" => space.Library,
                "--run" => space.Run,
                "--out" when command.Name == "report" => System.IO.Path.Combine(space.Root, "report.html"),
                "--out" => space.Output,
                // bench social refuses fewer than 100 distinct test layouts (doorkey-8x8's seeds 0-100 give exactly that).
                "--eval-seeds" when command.Name == "social" => "0-100",
                _ => QuickValues.GetValueOrDefault(option.Name),
            };
            if (value is not null)
                yield return option.Name;
            if (value is not null)
                yield return value;
        }
        foreach (Argument argument in command.Arguments)
            if (argument.Name != except)
                yield return argument.Name switch
                {
                    "FILE" => space.Conformance,
                    "file" => space.Export,
                    _ => "0",
                };
    }

    /// <summary>Every file and folder under <paramref name="root"/> with a hash of its content (SQLite's shared-memory index left out: readers update it).</summary>
    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("-shm", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetRelativePath(root, p),
                p => Directory.Exists(p) ? "folder" : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))));

    private static string? Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var created = after.Keys.Except(before.Keys).ToList();
        var changed = before.Where(e => after.GetValueOrDefault(e.Key) != e.Value).Select(e => e.Key).ToList();
        return created.Count + changed.Count == 0 ? null : $"created [{string.Join(", ", created)}], changed or removed [{string.Join(", ", changed)}]";
    }

    private static string Quote(string arg) => arg.Length == 0 || arg.Contains(' ') ? $"'{arg}'" : arg;

    /// <summary>The folder the commands run against: a library, an export, a conformance file, a plain file and folder.</summary>
    private sealed record Workspace(string Root, string Library, string Export, string Conformance, string ExistingFile, string Folder, string Run)
    {
        private byte[] _library = [];

        public string Output => System.IO.Path.Combine(Root, "out");

        public string Missing => System.IO.Path.Combine(Root, "missing");

        public string Unreadable => "/proc/self/mem";

        public static Workspace In(TemporaryDirectory work, TrainedLibrary trained)
        {
            var space = new Workspace(work.Path, trained.CopyTo(work), work.Combine("export.json"), work.Combine("episodes.jsonl"),
                work.Combine("notes.txt"), work.Combine("folder"), work.Combine("run"));
            CliRun export = CliRun.Of("skills", "export", "--library", space.Library, "--output", space.Export);
            Assert.Equal(0, export.ExitCode);
            File.Copy(DataFiles.ConformanceTraces, space.Conformance);
            File.WriteAllText(space.ExistingFile, "not a library\n");
            Directory.CreateDirectory(space.Folder);
            Directory.CreateDirectory(space.Run);
            foreach (string file in Directory.EnumerateFiles(trained.Run))
                File.Copy(file, System.IO.Path.Combine(space.Run, System.IO.Path.GetFileName(file)));
            space._library = File.ReadAllBytes(space.Library);
            return space;
        }

        /// <summary>Puts a library a failed check let a command change back, so one failure does not cascade into every later case.</summary>
        public void Restore()
        {
            if (!File.ReadAllBytes(Library).AsSpan().SequenceEqual(_library))
                File.WriteAllBytes(Library, _library);
            foreach (string extra in Directory.EnumerateFileSystemEntries(Root).Except([Library, Library + "-wal", Library + "-shm", Export, Conformance, ExistingFile, Folder, Run]))
                if (Directory.Exists(extra))
                    Directory.Delete(extra, recursive: true);
                else
                    File.Delete(extra);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Agents;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// A training run's folder read back (what <c>procmem train --out DIR</c> writes): its settings, evaluations,
/// training episodes and skills at every evaluation, each checked, so that a report is drawn only from files that
/// make sense.
/// </summary>
internal sealed class RunFolder
{
    private RunFolder(RunSettings settings, IReadOnlyList<LearningCurvePoint> curve,
        IReadOnlyList<(int Episode, int TrainingSteps, EpisodeSummary Summary)> episodes, IReadOnlyList<SkillCheckpoint> skills)
    {
        Settings = settings;
        Curve = curve;
        Episodes = episodes;
        Skills = skills;
    }

    /// <summary>The run's settings (<see cref="TrainingReport.RunFile"/>).</summary>
    public RunSettings Settings { get; }

    /// <summary>The evaluations, in order (<see cref="TrainingReport.EvaluationFile"/>).</summary>
    public IReadOnlyList<LearningCurvePoint> Curve { get; }

    /// <summary>The training episodes, in order (<see cref="TrainingReport.EpisodesFile"/>).</summary>
    public IReadOnlyList<(int Episode, int TrainingSteps, EpisodeSummary Summary)> Episodes { get; }

    /// <summary>The skills at every evaluation (<see cref="TrainingReport.SkillsFile"/>).</summary>
    public IReadOnlyList<SkillCheckpoint> Skills { get; }

    /// <summary>Reads the run in <paramref name="path"/>.</summary>
    /// <exception cref="UsageException">The folder is missing, is not a training run's, or one of its files is malformed.</exception>
    public static RunFolder Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new UsageException("--run must name a training run's folder.");
        if (!Directory.Exists(path))
            throw new UsageException(File.Exists(path)
                ? $"'{path}' is a file; --run takes the folder 'procmem train --out' wrote."
                : $"'{path}' does not exist; --run takes the folder 'procmem train --out' wrote.");
        if (!File.Exists(Path.Combine(path, TrainingReport.RunFile)))
            throw new UsageException(File.Exists(Path.Combine(path, TeamReport.EvaluationFile))
                ? $"'{path}' holds a team's run (train --agents N); report one member's folder, such as {Path.Combine(path, "agent-1")}."
                : $"'{path}' is not a training run's folder: it has no {TrainingReport.RunFile} (procmem train --out DIR writes one).");

        RunSettings settings = ReadJson<RunSettings>(path, TrainingReport.RunFile);
        if (settings.Problem() is { } settingsProblem)
            throw Malformed(path, TrainingReport.RunFile, settingsProblem);
        List<SkillCheckpoint> skills = ReadJson<List<SkillCheckpoint>>(path, TrainingReport.SkillsFile);
        if (skills.Any(c => c is null || c.Skills.Any(s => s is null)))
            throw Malformed(path, TrainingReport.SkillsFile, "it holds a null checkpoint or skill");
        if (skills.SelectMany(c => c.Skills).Select(s => s.Problem()).FirstOrDefault(p => p is not null) is { } skillProblem)
            throw Malformed(path, TrainingReport.SkillsFile, skillProblem);

        var curve = ReadCsv(path, TrainingReport.EvaluationFile, TrainingReport.EvaluationHeader, f => new LearningCurvePoint(
            Count(f[0]), Count(f[1]), new EvaluationResult(Count(f[2]), Finite(f[3]), Share(f[4]), Finite(f[5]))));
        var episodes = ReadCsv(path, TrainingReport.EpisodesFile, TrainingReport.EpisodesHeader, f => (Episode: Count(f[0]), TrainingSteps: Count(f[1]), Summary:
            new EpisodeSummary(Finite(f[2]), Count(f[3]), f[4] switch { "true" => true, "false" => false, _ => throw new FormatException($"'{f[4]}' is not true or false") },
                Count(f[5]))));
        if (curve.Count == 0)
            throw Malformed(path, TrainingReport.EvaluationFile, "it has no evaluations");
        if (!Ascending(curve.Select(p => p.TrainingSteps)))
            throw Malformed(path, TrainingReport.EvaluationFile, "training steps go backwards");
        if (!Ascending(episodes.Select(e => e.TrainingSteps)))
            throw Malformed(path, TrainingReport.EpisodesFile, "training steps go backwards");
        if (skills.Count != curve.Count || skills.Zip(curve).Any(p => p.First.TrainingSteps != p.Second.TrainingSteps))
            throw Malformed(path, TrainingReport.SkillsFile, $"its {skills.Count} checkpoints do not match {TrainingReport.EvaluationFile}'s {curve.Count} evaluations");
        return new RunFolder(settings, curve, episodes, skills);
    }

    private static bool Ascending(IEnumerable<int> values) => values.Zip(values.Skip(1)).All(p => p.First <= p.Second);

    private static T ReadJson<T>(string folder, string file)
    {
        string text = ReadText(folder, file);
        try
        {
            return JsonSerializer.Deserialize<T>(text, TrainingReport.Json) ?? throw Malformed(folder, file, "it holds null");
        }
        catch (JsonException e)
        {
            throw Malformed(folder, file, e.Message);
        }
    }

    private static List<T> ReadCsv<T>(string folder, string file, string header, Func<string[], T> row)
    {
        string[] lines = ReadText(folder, file).Split('\n');
        if (lines[0].TrimEnd('\r') != header)
            throw Malformed(folder, file, $"its first line is not '{header}'");
        int columns = header.Split(',').Length;
        var rows = new List<T>();
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0 && i == lines.Length - 1)
                break;
            string[] fields = line.Split(',');
            try
            {
                if (fields.Length != columns)
                    throw new FormatException($"{fields.Length} fields instead of {columns}");
                rows.Add(row(fields));
            }
            catch (FormatException e)
            {
                throw Malformed(folder, file, $"line {i + 1}: {e.Message}");
            }
        }
        return rows;
    }

    private static string ReadText(string folder, string file)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {Path.Combine(folder, file)}: {e.Message}");
        }
    }

    private static int Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : throw new FormatException($"'{text}' is not a count");

    private static double Finite(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value : throw new FormatException($"'{text}' is not a finite number");

    private static double Share(string text) =>
        Finite(text) is var value and >= 0 and <= 1 ? value : throw new FormatException($"'{text}' is not a share between 0 and 1");

    private static UsageException Malformed(string folder, string file, string reason) =>
        new($"{Path.Combine(folder, file)} is malformed: {reason}");
}

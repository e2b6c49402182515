using System.Globalization;
using ProceduralMemory.Agents;
using ProceduralMemory.Training;
using Spectre.Console;

namespace ProceduralMemory.Cli.Output;

/// <summary>
/// Reports a training run as it goes: a progress bar on a terminal, plain periodic lines otherwise (one per
/// evaluation), and it keeps the per-episode records for the run's CSV.
/// </summary>
internal sealed class TrainingProgress : ITrainingObserver
{
    private readonly CliConsole _console;
    private readonly int _budget;
    private readonly bool _budgetIsSteps;
    private ProgressTask? _bar;

    public TrainingProgress(CliConsole console, int budget, bool budgetIsSteps)
    {
        _console = console;
        _budget = budget;
        _budgetIsSteps = budgetIsSteps;
    }

    public List<(int Episode, int TrainingSteps, EpisodeSummary Summary)> Episodes { get; } = [];

    /// <summary>Raised after each evaluation, once it is reported (for what else a run records at its checkpoints).</summary>
    public event Action<LearningCurvePoint>? CheckpointTaken;

    /// <summary>Runs <paramref name="training"/> under a progress bar when on a terminal.</summary>
    public T Run<T>(Func<T> training)
    {
        if (!_console.IsTerminal)
            return training();
        return _console.Ansi.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                _bar = context.AddTask("training", maxValue: _budget);
                T result = training();
                _bar.Value = _bar.MaxValue;
                return result;
            });
    }

    public void OnEpisode(int episode, int trainingSteps, EpisodeSummary summary)
    {
        Episodes.Add((episode, trainingSteps, summary));
        if (_bar is not null)
            _bar.Value = _budgetIsSteps ? trainingSteps : episode;
    }

    /// <summary>Writes a line of news: above the progress bar on a terminal, as a plain line otherwise.</summary>
    public void WriteLine(string line)
    {
        if (_bar is not null)
            _console.Ansi.MarkupLine(Markup.Escape(line));
        else
            _console.Out.WriteLine(line);
    }

    public void OnCheckpoint(LearningCurvePoint point)
    {
        EvaluationResult e = point.Evaluation;
        string line = string.Create(CultureInfo.InvariantCulture,
            $"steps={point.TrainingSteps} episodes={point.TrainingEpisodes} eval_return={e.MeanReturn:0.000} eval_success={e.SuccessRate:0%} eval_steps={e.MeanSteps:0.0}");
        if (_bar is not null)
            _bar.Description = Markup.Escape(line);
        else
            _console.Out.WriteLine(line);
        CheckpointTaken?.Invoke(point);
    }
}

using ProceduralMemory.Agents;

namespace ProceduralMemory.Training;

/// <summary>Hears about a training run as it goes (progress bars, logs, CSV writers).</summary>
public interface ITrainingObserver
{
    /// <summary>A training episode ended: its number (from 1), the training steps so far, and how it went.</summary>
    void OnEpisode(int episode, int trainingSteps, EpisodeSummary summary);

    /// <summary>An evaluation was made.</summary>
    void OnCheckpoint(LearningCurvePoint point);
}

using ProceduralMemory.Agents;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Training;

/// <summary>How <see cref="LearningRun"/> trains an <see cref="IVectorisedLearner"/>: through its feed, in chunks that end at checkpoints.</summary>
public class LearningRunLockstepTests
{
    /// <summary>
    /// Steps <paramref name="lanes"/> pretend environments in turn, each episode lasting <paramref name="episodeLength"/>
    /// steps; records the layouts it was fed, the chunks it was asked for and what it played greedily.
    /// </summary>
    private sealed class LockstepRecorder(int lanes, int episodeLength) : IVectorisedLearner
    {
        private readonly int[] _stepsInEpisode = new int[lanes];
        private readonly bool[] _live = new bool[lanes];
        private int _lane;

        public List<int> Layouts { get; } = [];
        public List<int> Chunks { get; } = [];
        public List<int> Evaluated { get; } = [];
        public List<int> EpisodeLimits { get; } = [];
        public string Name => "lockstep";
        public int EnvironmentCount => lanes;

        public EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn)
        {
            Assert.False(learn, "The harness trains a vectorised learner through Train, never PlayEpisode.");
            Evaluated.Add(layoutSeed);
            return new EpisodeSummary(1, 1, true, 0);
        }

        public int Train(ITrainingFeed feed, int steps)
        {
            Chunks.Add(steps);
            EpisodeLimits.Add(feed.EpisodeStepLimit);
            for (int taken = 1; taken <= steps; taken++)
            {
                if (!_live[_lane])
                {
                    Layouts.Add(feed.NextLayoutSeed());
                    (_live[_lane], _stepsInEpisode[_lane]) = (true, 0);
                }
                bool keepGoing = true;
                if (++_stepsInEpisode[_lane] == episodeLength)
                {
                    _live[_lane] = false;
                    keepGoing = feed.EpisodeEnded(new EpisodeSummary(0, episodeLength, false, 0), taken);
                }
                _lane = (_lane + 1) % lanes;
                if (!keepGoing)
                    return taken;
            }
            return steps;
        }
    }

    private sealed class EpisodeLog : ITrainingObserver
    {
        public List<(int Episode, int Steps)> Episodes { get; } = [];

        public void OnEpisode(int episode, int trainingSteps, EpisodeSummary summary) => Episodes.Add((episode, trainingSteps));

        public void OnCheckpoint(LearningCurvePoint point)
        {
        }
    }

    [Fact]
    public void Train_CallsTheLearnerInChunksEndingAtCheckpoints_AndNeverFeedsItAHeldOutLayout()
    {
        var agent = new LockstepRecorder(lanes: 3, episodeLength: 7);
        int[] heldOut = [0, 1, 2, 3];
        var log = new EpisodeLog();

        var curve = LearningRun.Train(agent, new TrainingPlan { MaxSteps = 100, TrainingSeed = 9, EvaluationSeeds = heldOut, EpisodeStepLimit = 50, CheckpointEvery = 40 }, log);

        Assert.Equal([40, 40, 20], agent.Chunks);
        Assert.Equal([0, 40, 80, 100], curve.Select(c => c.TrainingSteps));
        Assert.All(agent.EpisodeLimits, limit => Assert.Equal(50, limit));
        Assert.All(agent.Layouts, layout => Assert.DoesNotContain(layout, heldOut));
        Assert.Equal(4 * heldOut.Length, agent.Evaluated.Count);
        // Three lanes of seven-step episodes: lane e's k-th episode ends at overall step 3·7·k − (2 − e), until 100.
        Assert.Equal([19, 20, 21, 40, 41, 42, 61, 62, 63, 82, 83, 84], log.Episodes.Select(e => e.Steps));
        Assert.Equal(curve[^1].TrainingEpisodes, log.Episodes.Count);
    }

    [Fact]
    public void Train_DrawsTheSameLayoutsAsOneEpisodeAtATime()
    {
        var lockstep = new LockstepRecorder(lanes: 2, episodeLength: 5);
        LearningRun.Train(lockstep, new TrainingPlan { MaxSteps = 50, TrainingSeed = 4, EvaluationSeeds = [0], EpisodeStepLimit = 50 });

        var single = new List<int>();
        LearningRun.Train(new SingleRecorder(single), new TrainingPlan { MaxEpisodes = lockstep.Layouts.Count, TrainingSeed = 4, EvaluationSeeds = [0], EpisodeStepLimit = 50 });

        Assert.Equal(single, lockstep.Layouts);
    }

    [Fact]
    public void Train_WithAnEpisodeBudget_StopsTheLearnerAtThatEpisode()
    {
        var agent = new LockstepRecorder(lanes: 4, episodeLength: 3);
        var curve = LearningRun.Train(agent, new TrainingPlan { MaxEpisodes = 6, EpisodeStepLimit = 50 });

        Assert.Equal(6, curve[^1].TrainingEpisodes);
        // Four lanes of three-step episodes end at steps 9, 10, 11, 12, then 21, 22: the sixth is lane 1's second.
        Assert.Equal(22, curve[^1].TrainingSteps);
    }

    private sealed class SingleRecorder(List<int> layouts) : ILearningAgent
    {
        public string Name => "single";

        public EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn)
        {
            if (learn)
                layouts.Add(layoutSeed);
            return new EpisodeSummary(0, 1, false, 0);
        }
    }
}

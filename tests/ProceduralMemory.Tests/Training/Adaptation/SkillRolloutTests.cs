using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments;
using ProceduralMemory.Neural;
using ProceduralMemory.Training.Adaptation;
using ProceduralMemory.Training.SkillRetrieval;

namespace ProceduralMemory.Tests.Training.Adaptation;

public class SkillRolloutTests
{
    [Fact]
    public void ReplayingThePlanToAPiecesStart_ReachesWhatThePieceFirstPerceived()
    {
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-6x6");
        foreach (ExpertEpisode episode in ExpertDemonstrations.Episodes("doorkey-6x6", [0, 1, 2]))
        {
            Assert.Equal(episode.Demonstrations.Count, episode.Starts.Count);
            for (int piece = 0; piece < episode.Demonstrations.Count; piece++)
            {
                IPerception perception = Perceptions.For(environment);
                perception.Reset(environment.Reset(episode.LayoutSeed).Observation);
                for (int i = 0; i < episode.Starts[piece]; i++)
                    perception.Observe(episode.Plan[i], environment.Step(episode.Plan[i]).Observation);
                var features = new float[perception.FeatureCount];
                perception.WriteFeatures(features);
                Assert.Equal(episode.Demonstrations[piece].Steps[0].Features, features);
            }
        }
    }

    [Fact]
    public void ANetworkClonedFromTheTeacher_ScoresNearItsOptimum_AndAnUntrainedOneFarBelow()
    {
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-5x5");
        List<ExpertEpisode> training = ExpertDemonstrations.Episodes("doorkey-5x5", Enumerable.Range(0, 100));
        List<ExpertEpisode> heldOut = ExpertDemonstrations.Episodes("doorkey-5x5", Enumerable.Range(100_000, 20));
        int features = Perceptions.For(environment).FeatureCount;
        var data = new Demonstrations(features);
        foreach (LabelledDemonstration piece in training.SelectMany(e => e.Demonstrations).Where(d => d.Skill == "pickup(key)"))
            foreach (var step in piece.Steps)
                data.Add(step.Features, step.Action);
        var untrained = new Mlp(features, [64], environment.Actions.Count, seed: 1);
        var cloned = new Mlp(features, [64], environment.Actions.Count, seed: 1);
        BehaviourCloning.Train(cloned, data, new BehaviourCloningOptions { Epochs = 60, LearningRate = 3e-3f, Seed = 1 });

        double clonedReturn = SkillRollout.MeanNormalisedReturn(cloned, environment, heldOut, "pickup(key)");
        double untrainedReturn = SkillRollout.MeanNormalisedReturn(untrained, environment, heldOut, "pickup(key)");
        Assert.InRange(clonedReturn, 0.8, 1.2); // a piece of a shortest plan is rarely beaten
        Assert.True(untrainedReturn < 0.5, $"untrained {untrainedReturn}");
        Assert.Equal(0, SkillRollout.MeanNormalisedReturn(cloned, environment, heldOut, "no such skill"));
        Assert.Equal(1 - 0.9 * 5 / 20.0, SkillRollout.Optimum(5), 12);
    }
}

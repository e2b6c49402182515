using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Attention;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Agents;

/// <summary>
/// The agent with attention retrieval (<see cref="ProceduralMemoryAgentOptions.Attention"/>). Skill networks act only
/// where the explorer has no plan, so these agents keep <see cref="ProceduralMemoryAgentOptions.ExploreForUnplannedSkills"/>
/// off: there the networks choose actions and retrieval matters.
/// </summary>
public class AttentionAgentTests
{
    private static readonly int[] HeldOut = Enumerable.Range(0, 20).ToArray();

    private static (ProceduralMemoryAgent Agent, IReadOnlyList<LearningCurvePoint> Curve, EpisodeSummary[] Episodes) Run(string env, int steps,
        AttentionRetrievalOptions? attention, ulong seed = 3, float matchSimilarity = float.NegativeInfinity)
    {
        IEnvironment environment = EnvironmentRegistry.Create(env);
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions
        {
            Seed = seed, ExploreForUnplannedSkills = false, Attention = attention, MatchSimilarity = matchSimilarity,
        });
        var plan = new TrainingPlan { MaxSteps = steps, TrainingSeed = (int)seed, EvaluationSeeds = HeldOut, EpisodeStepLimit = environment.MaxSteps, CheckpointEvery = steps };
        IReadOnlyList<LearningCurvePoint> curve = LearningRun.Train(agent, plan);
        EpisodeSummary[] episodes = HeldOut.Select(layout => agent.PlayEpisode(layout, environment.MaxSteps, learn: false)).ToArray();
        return (agent, curve, episodes);
    }

    [Fact]
    public void WithoutAttention_TheNetworksActAsTheyDidBeforeAttentionExisted()
    {
        var (agent, curve, episodes) = Run("doorkey-6x6", 2000, attention: null);

        Assert.True(agent.NetworkActions > 0, "no network chose an action: nothing is pinned");
        Assert.Equal(0, agent.BlendedActions);
        // Measured with main's agent before attention retrieval was added (commit 22916c5), the same training and evaluation.
        Assert.Equal([0.7601249999999999, 0.969125], curve.Select(point => point.Evaluation.MeanReturn));
        Assert.Equal([11, 8, 11, 15, 19, 10, 13, 17, 10, 14, 14, 13, 10, 12, 15, 11, 9, 7, 14, 14], episodes.Select(e => e.Steps));
    }

    [Fact]
    public void AttentionOverOneCandidate_IsTopOne_EpisodeForEpisode()
    {
        var off = Run("doorkey-6x6", 2000, attention: null);
        var single = Run("doorkey-6x6", 2000, new AttentionRetrievalOptions { MaxCandidates = 1 });

        Assert.Equal(off.Curve, single.Curve);
        Assert.Equal(off.Episodes, single.Episodes);
        Assert.Equal(off.Agent.NetworkActions, single.Agent.NetworkActions);
        Assert.Equal(0, single.Agent.BlendedActions);
    }

    [Fact]
    public void Attention_SameSeed_SameEpisodes_AndItBlends()
    {
        // Skills split by key similarity as well as by preconditions and effect, so variants serving one effect exist.
        var options = new AttentionRetrievalOptions { ExactFit = 1f, Temperature = 0.1f };
        var first = Run("doorkey-6x6", 2000, options, matchSimilarity: 0.9f);
        var second = Run("doorkey-6x6", 2000, options, matchSimilarity: 0.9f);

        Assert.Equal(first.Curve, second.Curve);
        Assert.Equal(first.Episodes, second.Episodes);
        Assert.True(first.Agent.BlendedActions > 0, $"nothing blended in {first.Agent.NetworkActions} network actions");
    }
}

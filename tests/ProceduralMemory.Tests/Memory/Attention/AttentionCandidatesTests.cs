using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Attention;
using ProceduralMemory.Training;
using static ProceduralMemory.Tests.Memory.Attention.BlendedPolicyTests;

namespace ProceduralMemory.Tests.Memory.Attention;

/// <summary>
/// Attention's candidates come from the library's active skills grouped by effect (<see cref="SkillLibrary.ActiveSkillsWithEffect"/>),
/// not a scan of every skill; these pin them to what the scan gave.
/// </summary>
public class AttentionCandidatesTests
{
    /// <summary>The candidates as attention retrieval found them before the groups: a scan of every active skill.</summary>
    private static (List<Skill> Skills, float[] Similarities) ScanCandidates(SkillLibrary library, Skill running, Facts facts,
        float[] query, AttentionRetrievalOptions options)
    {
        var others = library.ActiveSkills
            .Where(s => s != running && s.Effect == running.Effect && s.Policy is INetworkPolicy
                && (facts.Bits & s.Preconditions.Mask & s.Preconditions.Values) == (s.Preconditions.Mask & s.Preconditions.Values))
            .Select(s => (Similarity: VectorMath.CosineSimilarity(query, s.Key), Skill: s))
            .OrderByDescending(o => o.Similarity).ThenBy(o => o.Skill.Id);
        var ranked = (running.Policy is INetworkPolicy ? [(VectorMath.CosineSimilarity(query, running.Key), running)] : new List<(float, Skill)>())
            .Concat(others).Take(options.MaxCandidates).ToList();
        return ([.. ranked.Select(r => r.Item2)], [.. ranked.Select(r => r.Item1)]);
    }

    /// <summary>
    /// Compares the candidates with the scan's for every skill as the running one, in situations where each skill's
    /// and each pair of skills' required facts hold (and none, and all), for a few queries; returns how many had several.
    /// </summary>
    private static int AssertSameAsTheScan(SkillLibrary library, float[][] queries)
    {
        var options = new AttentionRetrievalOptions();
        ulong[] required = [.. library.Skills.Select(s => s.Preconditions.Mask & s.Preconditions.Values)];
        ulong[] situations = [0, ulong.MaxValue, .. required.SelectMany(a => required.Select(b => a | b)).Distinct()];
        int several = 0;
        foreach (Skill running in library.Skills)
            foreach (ulong bits in situations)
                foreach (float[] query in queries)
                {
                    var facts = new Facts(bits);
                    var (skills, similarities) = AttentionRetrieval.Candidates(library, running, facts, query, options);
                    var (expectedSkills, expectedSimilarities) = ScanCandidates(library, running, facts, query, options);
                    Assert.Equal(expectedSkills, skills);
                    Assert.Equal(expectedSimilarities, similarities);
                    several += skills.Count > 1 ? 1 : 0;
                }
        return several;
    }

    [Fact]
    public void OnATrainedLibrary_TheCandidatesAreTheScansInTheSameOrder_ThroughRetirementAndRestoring()
    {
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-6x6");
        // Skills split by key similarity as well (MatchSimilarity 0.9), so several serve one effect.
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions { Seed = 3, ExploreForUnplannedSkills = false, MatchSimilarity = 0.9f });
        LearningRun.Train(agent, new TrainingPlan { MaxSteps = 2000, TrainingSeed = 3, EvaluationSeeds = [0], EpisodeStepLimit = environment.MaxSteps, CheckpointEvery = 2000 });
        SkillLibrary library = agent.Library;
        var rng = new Rng(7);
        float[][] queries = [.. library.Skills.Take(3).Select(s => s.Key),
            .. Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, library.EmbeddingDimension).Select(_ => (float)(2 * rng.NextDouble() - 1)).ToArray())];

        Assert.True(AssertSameAsTheScan(library, queries) > 0, "no situation had two candidates: nothing was compared");
        Skill[] retired = [.. library.ActiveSkills.Where((_, i) => i % 2 == 0)];
        foreach (Skill skill in retired)
            library.Retire(skill, new SkillRetirement(1, "test"));
        AssertSameAsTheScan(library, queries);
        library.StartTrial(retired[0]);
        AssertSameAsTheScan(library, queries);
    }

    [Fact]
    public void TheGroups_FollowAdding_Retiring_Restoring_AndRemoving()
    {
        var opened = new FactCondition(0b10, 0b10);
        var held = new FactCondition(0b01, 0b01);
        var library = new SkillLibrary(2, mergeThreshold: float.PositiveInfinity);
        Skill[] skills = [NetworkSkill("open", 1, [1, 0], effect: opened), NetworkSkill("pickup", 2, [0, 1], effect: held),
            NetworkSkill("open#2", 3, [1, 1], effect: opened), NetworkSkill("open#3", 4, [1, -1], effect: opened)];
        foreach (Skill skill in skills)
            library.Add(skill);
        void AssertGroups()
        {
            foreach (FactCondition effect in new[] { opened, held, FactCondition.Always })
                Assert.Equal(library.ActiveSkills.Where(s => s.Effect == effect), library.ActiveSkillsWithEffect(effect));
        }

        AssertGroups();
        Assert.Equal([skills[0], skills[2], skills[3]], library.ActiveSkillsWithEffect(opened));
        library.Retire(skills[2], new SkillRetirement(1, "test"));
        AssertGroups();
        library.Retire(skills[2], new SkillRetirement(2, "again"));
        AssertGroups();
        library.StartTrial(skills[2]);
        AssertGroups();
        Assert.Equal([skills[0], skills[2], skills[3]], library.ActiveSkillsWithEffect(opened));
        // Restoring under an id replaces that skill, here with one of another effect.
        Skill replacement = NetworkSkill("pickup#2", 5, [0.5f, 0.5f], effect: held);
        replacement.Id = skills[0].Id;
        library.Restore(replacement);
        AssertGroups();
        Assert.Equal([replacement, skills[1]], library.ActiveSkillsWithEffect(held));
        Assert.True(library.Remove(skills[3].Id));
        AssertGroups();
        Assert.Equal([skills[2]], library.ActiveSkillsWithEffect(opened));
    }
}

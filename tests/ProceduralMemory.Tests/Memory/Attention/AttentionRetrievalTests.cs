using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Attention;
using static ProceduralMemory.Tests.Memory.Attention.BlendedPolicyTests;

namespace ProceduralMemory.Tests.Memory.Attention;

public class AttentionRetrievalTests
{
    // Facts: bit 0 has_key, bit 1 door_open, bit 2 at_goal.
    private static readonly FactCondition AtGoal = new(0b100, 0b100);
    private static readonly FactCondition HasKey = new(0b001, 0b001);

    private static (SkillLibrary Library, Skill Running, Skill Variant, Skill NeedsTheDoor, Skill Other) Library()
    {
        var library = new SkillLibrary(2, mergeThreshold: float.PositiveInfinity);
        Skill running = NetworkSkill("reach(goal)", 1, [1, 0], new FactCondition(0b011, 0b011), AtGoal);
        Skill variant = NetworkSkill("reach(goal)#2", 2, [0.6f, 0.8f], new FactCondition(0b011, 0b010), AtGoal); // learned without the key
        Skill needsTheDoor = NetworkSkill("reach(goal)#3", 3, [0.8f, 0.6f], new FactCondition(0b111, 0b110), AtGoal);
        Skill other = NetworkSkill("pickup(key)", 4, [1, 0], new FactCondition(0b001, 0), HasKey);
        foreach (Skill skill in new[] { running, variant, needsTheDoor, other })
            library.Add(skill);
        return (library, running, variant, needsTheDoor, other);
    }

    [Fact]
    public void Candidates_AreTheRunningSkill_ThenSkillsWithItsEffectWhosePreconditionsRequiredTrueHold()
    {
        var (library, running, variant, _, _) = Library();
        // Key held and door open: the variant (needs only the door open) may act; #3 needs at_goal true, pickup(key) does something else.
        var (skills, similarities) = AttentionRetrieval.Candidates(library, running, new Facts(0b011), [1, 0], new AttentionRetrievalOptions());

        Assert.Equal([running, variant], skills);
        Assert.Equal(1f, similarities[0], 5);
        Assert.Equal(0.6f, similarities[1], 5);
    }

    [Fact]
    public void Candidates_AreCappedAndOrderedBySimilarity_AndLeaveRetiredSkillsOut()
    {
        var (library, running, variant, needsTheDoor, _) = Library();
        var allFacts = new Facts(0b111);
        var options = new AttentionRetrievalOptions { MaxCandidates = 2 };

        Assert.Equal([running, needsTheDoor], AttentionRetrieval.Candidates(library, running, allFacts, [1, 0], options).Skills);
        library.Retire(needsTheDoor, new SkillRetirement(1, "test"));
        Assert.Equal([running, variant], AttentionRetrieval.Candidates(library, running, allFacts, [1, 0], options).Skills);
    }

    [Fact]
    public void Blend_OfAnExactFit_IsThatSkillAlone_AndOtherwiseWeighsTheCandidates()
    {
        var (library, running, variant, _, _) = Library();
        var options = new AttentionRetrievalOptions { ExactFit = 0.95f, Temperature = 0.1f };

        BlendedPolicy exact = AttentionRetrieval.Blend(library, running, new Facts(0b011), [1, 0], options)!;
        BlendedPolicy blended = AttentionRetrieval.Blend(library, running, new Facts(0b011), [0.9f, 0.44f], options)!;

        Assert.Same(running, Assert.Single(exact.Members));
        Assert.Equal([running, variant], blended.Members);
        Assert.Equal(1f, blended.Weights.Sum(), 5);
    }
}

using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Learning;

public class SeedSkillExtractorTests
{
    private const int R = GridWorld.MoveRight, U = GridWorld.MoveUp, Pick = GridWorld.PickupKey, Open = GridWorld.OpenDoor;

    private static (IReadOnlyList<Transition> Transitions, bool Success, GridWorld World) Play(params int[] actions)
    {
        var world = new GridWorld();
        var episode = new EpisodeRecorder(world);
        foreach (int action in actions)
            episode.Step(action);
        return (episode.Transitions, episode.Terminated, world);
    }

    private static Skill? Extract(params int[] actions)
    {
        var (transitions, success, world) = Play(actions);
        return SeedSkillExtractor.Extract(transitions, success, world.Actions, world.Facts);
    }

    [Fact]
    public void SegmentEndingAfterTheDoorOpens_IsAnOpenDoorSequence_RequiringTheKeyAndAClosedDoor()
    {
        var world = new GridWorld();
        Skill skill = Extract(R, R, U, U, Pick, R, U, Open, R, U)!;

        Assert.Equal("open_door_sequence", skill.Name);
        Assert.Equal([R, U, Open, R, U], ((OpenLoopPolicy)skill.Policy).Actions);
        Assert.Equal("{has_key=true, door_open=false}", skill.Preconditions.Format(world.Facts));
        Assert.Equal("{door_open=true}", skill.Effect.Format(world.Facts));
        Assert.Equal(5, skill.Termination.StepLimit);
    }

    [Fact]
    public void SegmentThatGainsTheKey_IsNamedAcquireKey_WithANoKeyPrecondition()
    {
        // A layout where key, door and goal are close, so the key is taken within the final five steps.
        var layout = new GridWorldLayout(5, Start: new(0, 0), Key: new(1, 0), Door: new(2, 0), Goal: new(3, 0), Box: new(4, 4));
        var world = new GridWorld(layout);
        var episode = new EpisodeRecorder(world);
        foreach (int action in new[] { R, Pick, R, Open, R })
            episode.Step(action);

        Skill skill = SeedSkillExtractor.Extract(episode.Transitions, episode.Terminated, world.Actions, world.Facts)!;

        Assert.Equal("acquire_key", skill.Name);
        Assert.Equal("{has_key=false, door_open=false}", skill.Preconditions.Format(world.Facts));
        Assert.Equal("{has_key=true, door_open=true}", skill.Effect.Format(world.Facts));
    }

    [Fact]
    public void SegmentThatChangesNoFact_IsNamedNavigateNSteps()
    {
        var layout = new GridWorldLayout(5, Start: new(0, 0), Key: new(1, 0), Door: new(2, 0), Goal: new(4, 4), Box: new(0, 4));
        var world = new GridWorld(layout);
        var episode = new EpisodeRecorder(world);
        foreach (int action in new[] { R, Pick, R, Open, R, R, U, U, U, U })
            episode.Step(action);
        Assert.True(episode.Terminated);

        Skill skill = SeedSkillExtractor.Extract(episode.Transitions, episode.Terminated, world.Actions, world.Facts)!;

        Assert.Equal("navigate_5_steps", skill.Name);
        Assert.Equal("{has_key=true, door_open=true}", skill.Preconditions.Format(world.Facts));
        Assert.True(skill.Effect.IsEmpty);
    }

    [Fact]
    public void ShortSuccessfulEpisode_UsesAllOfIt()
    {
        var layout = new GridWorldLayout(5, Start: new(0, 0), Key: new(0, 0), Door: new(0, 0), Goal: new(1, 0), Box: new(4, 4));
        var world = new GridWorld(layout);
        var episode = new EpisodeRecorder(world);
        foreach (int action in new[] { Pick, Open, R })
            episode.Step(action);

        Skill skill = SeedSkillExtractor.Extract(episode.Transitions, episode.Terminated, world.Actions, world.Facts)!;

        Assert.Equal("acquire_key", skill.Name);
        Assert.Equal(3, ((OpenLoopPolicy)skill.Policy).Actions.Count);
    }

    [Fact]
    public void FailedOrTooShortEpisodes_GiveNoSkill()
    {
        Assert.Null(Extract(R, R, U, U, Pick, R, U));
        var layout = new GridWorldLayout(5, Start: new(0, 0), Key: new(0, 0), Door: new(0, 0), Goal: new(0, 1), Box: new(4, 4));
        var world = new GridWorld(layout);
        var episode = new EpisodeRecorder(world);
        episode.Step(Pick);
        episode.Step(Open);
        episode.Step(U);
        Assert.True(episode.Terminated);
        Assert.NotNull(SeedSkillExtractor.Extract(episode.Transitions, true, world.Actions, world.Facts));
        Assert.Null(SeedSkillExtractor.Extract(episode.Transitions.Take(2).ToList(), true, world.Actions, world.Facts));
    }
}

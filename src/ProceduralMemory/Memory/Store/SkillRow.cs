using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A skill as a backend reads it from its tables, before its key and policy are checked: checking is the slow part
/// of a load, so backends read rows inside their transaction and check them outside it (<see cref="SkillRowChecker"/>).
/// </summary>
/// <param name="Id">The stored id.</param>
/// <param name="Name">The skill's name.</param>
/// <param name="Preconditions">Where it may start.</param>
/// <param name="Effect">What it achieves.</param>
/// <param name="Key">Its key (<see cref="KeyCodec"/>).</param>
/// <param name="StepLimit">Its step limit.</param>
/// <param name="Uses">Times executed.</param>
/// <param name="Successes">Executions that reached the effect.</param>
/// <param name="Demonstrations">Demonstrations seen.</param>
/// <param name="CreatedEpisode">The library's episode count when it was created.</param>
/// <param name="Change">The change number of its last write.</param>
/// <param name="PolicyKind">Its policy's kind, or <c>null</c> when the policy row is missing.</param>
/// <param name="PolicyChecksum">The checksum stored beside the policy (its <see cref="Store.PolicyChecksum"/>, as stored).</param>
/// <param name="Policy">Its policy's bytes, or <c>null</c> when the policy row is missing.</param>
/// <param name="RetiredEpisode">The library episode it was retired at, or <c>null</c> while it is active (schema 4).</param>
/// <param name="RetiredReason">Why it was retired, or <c>null</c> while it is active.</param>
/// <param name="TrialStartUses">Its uses when its current trial began (last demonstration or restore).</param>
/// <param name="TrialStartSuccesses">Its successes when its current trial began.</param>
/// <param name="Variant">Which variant of its preconditions and effect it is, or <c>null</c> for the base skill (schema 6).</param>
public sealed record SkillRow(long Id, string Name, FactCondition Preconditions, FactCondition Effect, byte[] Key,
    long StepLimit, long Uses, long Successes, long Demonstrations, long CreatedEpisode, long Change,
    string? PolicyKind, long PolicyChecksum, byte[]? Policy,
    long? RetiredEpisode = null, string? RetiredReason = null, long TrialStartUses = 0, long TrialStartSuccesses = 0,
    string? Variant = null)
{
    /// <summary>The record of this row, after checking its counts, its key (<paramref name="dimension"/> finite numbers; negative: any) and its policy.</summary>
    /// <exception cref="InvalidDataException">The row fails a check; the message says which, as a clause ("its policy ...").</exception>
    public SkillRecord ToRecord(int dimension)
    {
        if (PolicyKind is null || Policy is null)
            throw new InvalidDataException("it has no policy");
        if (Store.PolicyChecksum.Of(PolicyKind, Policy) != unchecked((uint)PolicyChecksum))
            throw new InvalidDataException("its policy does not match its checksum");
        if (StepLimit is <= 0 or > int.MaxValue || Uses is < 0 or > int.MaxValue || Successes < 0 || Successes > Uses
            || Demonstrations is < 0 or > int.MaxValue || Id > int.MaxValue)
            throw new InvalidDataException($"its step limit {StepLimit} or counts {Uses}, {Successes}, {Demonstrations} are out of range");
        if (TrialStartSuccesses < 0 || TrialStartSuccesses > TrialStartUses || TrialStartUses > Uses || TrialStartSuccesses > Successes)
            throw new InvalidDataException($"its trial start counts {TrialStartUses}, {TrialStartSuccesses} are out of range");
        if ((RetiredEpisode is null) != (RetiredReason is null))
            throw new InvalidDataException("it has a retirement episode without a reason, or a reason without an episode");
        return new SkillRecord
        {
            Id = (int)Id,
            Name = Name,
            Preconditions = Preconditions,
            Effect = Effect,
            Policy = StoredPolicy.Read(PolicyKind, Policy),
            Key = KeyCodec.Decode(Key, dimension),
            StepLimit = (int)StepLimit,
            Uses = (int)Uses,
            Successes = (int)Successes,
            Demonstrations = (int)Demonstrations,
            CreatedEpisode = CreatedEpisode,
            Change = Change,
            Retired = RetiredEpisode is { } episode ? new SkillRetirement(episode, RetiredReason!) : null,
            TrialStartUses = (int)TrialStartUses,
            TrialStartSuccesses = (int)TrialStartSuccesses,
            Variant = Variant,
        };
    }
}

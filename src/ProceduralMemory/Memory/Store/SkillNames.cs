namespace ProceduralMemory.Memory.Store;

/// <summary>
/// Names are unique within a library, so that a skill can be named on the command line. An agent picks a name from
/// what its library holds (<c>open(door)</c>, a second one <c>open(door)#2</c>), but two agents learning
/// into one library at once can each pick the same name for different skills; a store therefore settles the name
/// inside the commit's transaction, where it sees every stored skill, in the same way in every backend.
/// </summary>
public static class SkillNames
{
    /// <summary>The separator between a name and its number (<c>open(door)#2</c>).</summary>
    public const char Separator = '#';

    /// <summary>
    /// The name a new skill is stored under: <paramref name="wanted"/> when no other skill has it, else
    /// <c>name#k</c> for the smallest k from 2 up that none has (<c>name</c> being <paramref name="wanted"/> without a
    /// number it may already have). <paramref name="taken"/> needs to hold only the other skills' names that are
    /// <paramref name="wanted"/> or start with <see cref="Prefix"/>.
    /// </summary>
    public static string Unique(string wanted, IReadOnlyCollection<string> taken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(taken);
        if (!taken.Contains(wanted))
            return wanted;
        var used = taken as ISet<string> ?? new HashSet<string>(taken, StringComparer.Ordinal);
        for (int k = 2; ; k++)
        {
            string candidate = $"{Prefix(wanted)}{k}";
            if (!used.Contains(candidate))
                return candidate;
        }
    }

    /// <summary>What every numbered variant of <paramref name="wanted"/> starts with: its name without any number, then the separator.</summary>
    public static string Prefix(string wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        int at = wanted.LastIndexOf(Separator);
        bool numbered = at > 0 && at < wanted.Length - 1 && wanted.AsSpan(at + 1).IndexOfAnyExceptInRange('0', '9') < 0;
        return (numbered ? wanted[..at] : wanted) + Separator;
    }
}

using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
namespace ProceduralMemory.Tools.Procedures;
/// <summary>TEMP until merge.</summary>
public static class ProcedureSkills
{
    /// <summary>TEMP.</summary>
    public static Skill Create(Procedure procedure, IKeyProvider<string> keys) =>
        new(string.Join("-", procedure.Steps[^1].Tool), default, default, new ProcedurePolicy(procedure), new SkillTermination(null, procedure.Steps.Count), keys.KeyOf(procedure.Purpose));
}

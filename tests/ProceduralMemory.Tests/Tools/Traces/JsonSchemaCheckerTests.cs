using System.Text.Json;
using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Tests.Tools.Traces;

public sealed class JsonSchemaCheckerTests
{
    private static SchemaViolation? Check(string schema, string value) =>
        JsonSchemaChecker.Check(Json(schema), Json(value));

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData("string", "\"a\"")]
    [InlineData("number", "1.5")]
    [InlineData("number", "2")]
    [InlineData("integer", "2")]
    [InlineData("integer", "2.0")]
    [InlineData("boolean", "false")]
    [InlineData("null", "null")]
    [InlineData("object", "{}")]
    [InlineData("array", "[]")]
    public void Check_AcceptsAValueOfTheNamedType(string type, string value) =>
        Assert.Null(Check($$"""{"type":"{{type}}"}""", value));

    [Theory]
    [InlineData("string", "1", "expected a string, got a number")]
    [InlineData("number", "\"1\"", "expected a number, got a string")]
    [InlineData("boolean", "\"true\"", "expected a boolean, got a string")]
    [InlineData("object", "[]", "expected an object, got an array")]
    [InlineData("array", "{}", "expected an array, got an object")]
    [InlineData("null", "0", "expected null, got a number")]
    public void Check_RejectsAValueOfAnotherType(string type, string value, string reason)
    {
        var violation = Check($$"""{"type":"{{type}}"}""", value);

        Assert.Equal(new SchemaViolation("$", reason), violation);
    }

    [Fact]
    public void Check_RejectsAFractionWhereAnIntegerIsExpected()
    {
        var violation = Check("""{"type":"integer"}""", "2.5");

        Assert.Equal(new SchemaViolation("$", "expected an integer, got a number"), violation);
    }

    [Fact]
    public void Check_AcceptsAnyOfSeveralTypeNames()
    {
        Assert.Null(Check("""{"type":["string","null"]}""", "null"));
        Assert.Equal("expected a string or null, got a number", Check("""{"type":["string","null"]}""", "3")?.Reason);
    }

    [Fact]
    public void Check_ReportsAMissingRequiredPropertyAtTheObject()
    {
        var violation = Check("""{"type":"object","required":["order_id","reason"]}""", """{"order_id":"#W1"}""");

        Assert.Equal(new SchemaViolation("$", "missing required property \"reason\""), violation);
    }

    [Fact]
    public void Check_ChecksEachPropertyAgainstItsSchemaAtItsPath()
    {
        var violation = Check("""{"type":"object","properties":{"order_id":{"type":"string"}}}""", """{"order_id":7}""");

        Assert.Equal(new SchemaViolation("$.order_id", "expected a string, got a number"), violation);
    }

    [Fact]
    public void Check_AllowsUndeclaredPropertiesByDefault() =>
        Assert.Null(Check("""{"type":"object","properties":{"a":{"type":"string"}}}""", """{"a":"x","b":1}"""));

    [Fact]
    public void Check_RejectsAnUndeclaredPropertyWhenAdditionalPropertiesIsFalse()
    {
        var violation = Check("""{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""", """{"a":"x","b":1}""");

        Assert.Equal(new SchemaViolation("$.b", "property \"b\" is not allowed"), violation);
    }

    [Fact]
    public void Check_ChecksUndeclaredPropertiesAgainstAnAdditionalPropertiesSchema()
    {
        var violation = Check("""{"type":"object","additionalProperties":{"type":"integer"}}""", """{"a":1,"b":"two"}""");

        Assert.Equal(new SchemaViolation("$.b", "expected an integer, got a string"), violation);
    }

    [Fact]
    public void Check_RejectsAValueOutsideTheEnum()
    {
        var schema = """{"type":"string","enum":["no longer needed","ordered by mistake"]}""";

        Assert.Null(Check(schema, "\"ordered by mistake\""));
        Assert.Equal(
            new SchemaViolation("$", "\"changed my mind\" is not one of \"no longer needed\", \"ordered by mistake\""),
            Check(schema, "\"changed my mind\""));
    }

    [Fact]
    public void Check_RejectsAValueOtherThanTheConst() =>
        Assert.Equal(new SchemaViolation("$", "expected \"yes\", got \"no\""), Check("""{"const":"yes"}""", "\"no\""));

    [Fact]
    public void Check_ChecksEveryItemAtItsIndex()
    {
        var violation = Check("""{"type":"array","items":{"type":"string"}}""", """["1008292230", 2, "x"]""");

        Assert.Equal(new SchemaViolation("$[1]", "expected a string, got a number"), violation);
    }

    [Fact]
    public void Check_NamesTheFullPathOfAViolationDeepInside()
    {
        var schema = """
            {"type":"object","properties":{"passengers":{"type":"array","items":{"type":"object",
             "properties":{"first_name":{"type":"string"},"dob":{"type":"string"}},"required":["first_name","dob"]}}}}
            """;

        var violation = Check(schema, """{"passengers":[{"first_name":"A","dob":"x"},{"first_name":"B","dob":19900101}]}""");

        Assert.Equal(new SchemaViolation("$.passengers[1].dob", "expected a string, got a number"), violation);
    }

    [Fact]
    public void Check_QuotesAPropertyNameThatIsNotAnIdentifier()
    {
        var violation = Check("""{"properties":{"zip code":{"type":"string"}}}""", """{"zip code":12345}""");

        Assert.Equal("$[\"zip code\"]", violation?.Path);
    }

    [Fact]
    public void Check_EnforcesNumericBounds()
    {
        var schema = """{"type":"integer","minimum":0,"maximum":10}""";

        Assert.Null(Check(schema, "10"));
        Assert.Equal("-1 is less than the minimum 0", Check(schema, "-1")?.Reason);
        Assert.Equal("11 is more than the maximum 10", Check(schema, "11")?.Reason);
    }

    [Fact]
    public void Check_ReportsANumberBeyondDoubleRangeInsteadOfThrowing()
    {
        Assert.NotNull(Check("""{"maximum":10}""", "1e400"));
        Assert.Null(Check("""{"type":"number"}""", "1e400"));
    }

    [Fact]
    public void Check_EnforcesStringLengthAndPattern()
    {
        Assert.Equal("string of length 1 is shorter than minLength 2", Check("""{"minLength":2}""", "\"a\"")?.Reason);
        Assert.Equal("string of length 3 is longer than maxLength 2", Check("""{"maxLength":2}""", "\"abc\"")?.Reason);
        Assert.Null(Check("""{"pattern":"^#W[0-9]+$"}""", "\"#W123\""));
        Assert.Equal("\"W123\" does not match the pattern \"^#W[0-9]+$\"", Check("""{"pattern":"^#W[0-9]+$"}""", "\"W123\"")?.Reason);
    }

    [Fact]
    public void Check_EnforcesArrayLength()
    {
        Assert.Equal("array of 0 items has fewer than minItems 1", Check("""{"minItems":1}""", "[]")?.Reason);
        Assert.Equal("array of 2 items has more than maxItems 1", Check("""{"maxItems":1}""", "[1,2]")?.Reason);
    }

    [Fact]
    public void Check_RequiresAnyOfToMatchAtLeastOneAndOneOfExactlyOne()
    {
        Assert.Null(Check("""{"anyOf":[{"type":"string"},{"type":"integer"}]}""", "3"));
        Assert.Equal("true matches none of the anyOf schemas", Check("""{"anyOf":[{"type":"string"},{"type":"integer"}]}""", "true")?.Reason);
        Assert.Equal("3 matches 2 of the oneOf schemas, expected exactly one", Check("""{"oneOf":[{"type":"number"},{"type":"integer"}]}""", "3")?.Reason);
    }

    [Fact]
    public void Check_IgnoresKeywordsItDoesNotKnow() =>
        Assert.Null(Check("""{"type":"string","format":"email","description":"anything"}""", "\"not an email\""));

    [Fact]
    public void Check_AcceptsAnythingAgainstTrueAndNothingAgainstFalse()
    {
        Assert.Null(Check("true", """{"a":[1]}"""));
        Assert.Equal(new SchemaViolation("$", "no value is allowed here"), Check("false", "1"));
    }

    [Fact]
    public void Check_StartsPathsFromTheGivenPath()
    {
        var violation = JsonSchemaChecker.Check(Json("""{"properties":{"a":{"type":"string"}}}"""), Json("""{"a":1}"""), "$.calls[0].arguments");

        Assert.Equal("$.calls[0].arguments.a", violation?.Path);
    }
}

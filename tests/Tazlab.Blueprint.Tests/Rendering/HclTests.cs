using Tazlab.Blueprint.Rendering.VaultServer.Hcl;

namespace Tazlab.Blueprint.Tests.Rendering;

public class HclTests
{
    [Fact]
    public void Written_hcl_reads_back_to_the_same_values()
    {
        var document = new HclDocument(
        [
            new HclComment("a comment the reader skips"),
            new HclArgument("ui", new HclBool(true)),
            new HclArgument("port", new HclNumber(8200)),
            new HclArgument("tricky", new HclString("quote \" backslash \\ ${not} %{not} newline\n")),
            new HclBlock("path", ["secret/data/x/*"], [new HclArgument("capabilities", new HclList([new HclString("read"), new HclString("list")]))]),
        ]);

        var text = HclWriter.Write(document);
        var read = HclReader.Read(text);

        Assert.Contains("$${not} %%{not}", text, StringComparison.Ordinal);
        Assert.Equal(new HclBool(true), read.Argument("ui"));
        Assert.Equal(new HclNumber(8200), read.Argument("port"));
        Assert.Equal(new HclString("quote \" backslash \\ ${not} %{not} newline\n"), read.Argument("tricky"));
        var block = Assert.Single(read.Blocks("path"));
        Assert.Equal(["secret/data/x/*"], block.Labels);
        Assert.Equal(["read", "list"], Assert.IsType<HclList>(block.Argument("capabilities")).Strings());
    }

    [Theory]
    [InlineData("address = \"${var.ip}:8200\"", "interpolation")]
    [InlineData("address = lookup(x)", "expression")]
    [InlineData("listener \"tcp\" {\n address = \"127.0.0.1:8200\"\n", "missing '}'")]
    public void Reader_refuses_what_it_cannot_check(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => HclReader.Read(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_refuses_a_name_that_is_not_an_identifier() =>
        Assert.Throws<ArgumentException>(() => HclWriter.Write(new HclDocument([new HclArgument("bad name", new HclBool(true))])));
}

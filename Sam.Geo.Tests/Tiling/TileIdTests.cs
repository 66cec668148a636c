using Sam.Geo.Tiling;

namespace Sam.Geo.Tests.Tiling;

public class TileIdTests
{
    [Fact]
    public void ToString_RowAndColumn_IsRowColumnForm() => Assert.Equal("r3c7", new TileId(3, 7).ToString());

    [Theory]
    [InlineData("r0c0", 0, 0)]
    [InlineData("r3c7", 3, 7)]
    [InlineData("r12c345", 12, 345)]
    public void Parse_ValidText_ReturnsId(string text, int row, int column) =>
        Assert.Equal(new TileId(row, column), TileId.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("r3")]
    [InlineData("r3c")]
    [InlineData("rc7")]
    [InlineData("c7r3")]
    [InlineData("R3C7")]
    [InlineData("r-1c7")]
    [InlineData("r+1c7")]
    [InlineData(" r3c7")]
    [InlineData("r3c7 ")]
    [InlineData("r3c7c1")]
    [InlineData("r99999999999c1")]
    public void TryParse_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(TileId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => TileId.Parse(text));
    }

    [Fact]
    public void Constructor_NegativeIndex_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TileId(-1, 0));

    [Fact]
    public void CompareTo_TwoIds_OrdersRowMajor()
    {
        Assert.True(new TileId(0, 9).CompareTo(new TileId(1, 0)) < 0);
        Assert.True(new TileId(1, 2).CompareTo(new TileId(1, 1)) > 0);
        Assert.Equal(0, new TileId(4, 4).CompareTo(new TileId(4, 4)));
    }
}

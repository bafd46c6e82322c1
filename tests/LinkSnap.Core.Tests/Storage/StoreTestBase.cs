using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

/// <summary>Tests that each get a fresh migrated in-memory store (<see cref="StoreFixture"/>).</summary>
public abstract class StoreTestBase
{
    private protected StoreFixture Fixture { get; private set; } = null!;

    private protected LinkStore Store => Fixture.Store;

    [SetUp]
    public void CreateStore() => Fixture = new StoreFixture();

    [TearDown]
    public void DisposeStore() => Fixture.Dispose();
}

package io.meetzy.verifier;

class InMemoryTokenStoreTest extends TokenStoreContractTest {

    @Override
    TokenStore openStore() {
        return new InMemoryTokenStore();
    }
}

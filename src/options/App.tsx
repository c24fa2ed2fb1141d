export function App() {
  return (
    <main>
      <h1>Journal</h1>
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">Account</h2>
      </section>
    </main>
  );
}

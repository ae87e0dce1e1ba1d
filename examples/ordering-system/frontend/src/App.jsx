import { useState } from 'react';

const API = process.env.REACT_APP_API_URL || 'http://localhost:8080';

export default function App() {
  const [item, setItem] = useState('');
  const order = async () => {
    await fetch(`${API}/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ item }) });
  };
  return (
    <main>
      <input value={item} onChange={(e) => setItem(e.target.value)} />
      <button onClick={order}>Order</button>
    </main>
  );
}

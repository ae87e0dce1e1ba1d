const express = require('express');
const cors = require('cors');
const mysql = require('mysql2/promise');
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

const app = express();
app.use(cors({ origin: '*' }));
app.use(express.json());

const db = mysql.createPool({
  host: process.env.DB_HOST || 'localhost',
  user: process.env.DB_USER || 'root',
  password: process.env.DB_PASSWORD || 'rootpassword',
  database: 'orders',
});

const sqs = new SQSClient({ endpoint: process.env.SQS_ENDPOINT, region: 'us-east-1' });

app.post('/orders', async (req, res) => {
  const [result] = await db.query('INSERT INTO orders (item, status) VALUES (?, ?)', [req.body.item, 'queued']);
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.ORDER_QUEUE_URL, MessageBody: JSON.stringify({ id: result.insertId }) }));
  res.status(201).json({ id: result.insertId });
});

app.get('/orders/:id', async (req, res) => {
  const [rows] = await db.query('SELECT * FROM orders WHERE id = ?', [req.params.id]);
  res.json(rows[0] ?? null);
});

app.listen(8080, () => console.log('API on http://0.0.0.0:8080'));

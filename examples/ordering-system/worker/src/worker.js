const mysql = require('mysql2/promise');
const { SQSClient, ReceiveMessageCommand, DeleteMessageCommand } = require('@aws-sdk/client-sqs');

const DB_URL = process.env.DB_URL || 'mysql://orders:orders123@mariadb:3306/orders';
const QUEUE_URL = 'http://localstack:4566/000000000000/orders';
const sqs = new SQSClient({ endpoint: process.env.SQS_ENDPOINT, region: 'us-east-1' });

async function run() {
  const db = await mysql.createConnection(DB_URL);
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: QUEUE_URL, WaitTimeSeconds: 10 }));
    for (const message of Messages) {
      const { id } = JSON.parse(message.Body);
      await db.query('UPDATE orders SET status = ? WHERE id = ?', ['processed', id]);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: message.ReceiptHandle }));
    }
  }
}

run();

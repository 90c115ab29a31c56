// A partner's consumer, written against amqplib and the CloudEvents spec alone, as a partner's engineer would
// write it: nothing here comes from EarlyWarning's code. The .NET test runs it as the partner's RabbitMQ user.
//
//   node consumer.js read <amqp-url> <queue> <count> <timeout-ms>
//     Reads <count> messages from the partner's queue, acknowledging each, and prints one JSON line per
//     message: { routingKey, contentType, messageId, event } where event is the CloudEvent (structured mode:
//     the body is the whole event; binary mode: the attributes are in the headers). Exits 3 on timeout.
//
//   node consumer.js trespass <amqp-url> <own-exchange> <own-queue> <other-exchange> <other-queue>
//     Tries what the partner must not be able to do, each on a channel of its own, and prints one JSON line per
//     attempt: { attempt, refused, code, message }.
'use strict';

const amqp = require('amqplib');

const [mode, url, ...rest] = process.argv.slice(2);

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

// CloudEvents AMQP binding: structured mode carries the event as the body (application/cloudevents+json);
// binary mode carries the attributes as application properties prefixed "cloudEvents:" or "cloudEvents_".
function cloudEvent(msg) {
  const contentType = msg.properties.contentType || '';
  const body = msg.content.toString('utf8');
  if (contentType.startsWith('application/cloudevents+json')) {
    return JSON.parse(body);
  }
  const event = {};
  for (const [name, value] of Object.entries(msg.properties.headers || {})) {
    const match = /^cloudEvents[:_](.+)$/.exec(name);
    if (match) event[match[1]] = typeof value === 'object' && value !== null && 'value' in value ? value.value : value;
  }
  event.datacontenttype = event.datacontenttype || contentType;
  event.data = contentType.includes('json') ? JSON.parse(body) : body;
  return event;
}

async function read(queue, count, timeoutMs) {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  await channel.prefetch(10);
  let seen = 0;
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms with ${seen} of ${count} messages`)), timeoutMs);
    channel.consume(queue, (msg) => {
      if (msg === null) return reject(new Error('the broker cancelled the consumer'));
      print({
        routingKey: msg.fields.routingKey,
        contentType: msg.properties.contentType,
        messageId: msg.properties.messageId,
        event: cloudEvent(msg),
      });
      channel.ack(msg);
      seen += 1;
      if (seen === count) {
        clearTimeout(timer);
        resolve();
      }
    }, { noAck: false }).catch(reject);
  });
  try {
    await done;
    // Closing the channel first waits for the broker's CloseOk, which comes after the acks sent before it;
    // closing only the connection may overtake acks still buffered on the channel, and they would be lost.
    await channel.close();
  } finally {
    await connection.close().catch(() => {});
  }
}

async function trespass(ownExchange, ownQueue, otherExchange, otherQueue) {
  const connection = await amqp.connect(url);
  connection.on('error', () => {});
  const attempts = [
    ['declare another partner\'s queue', (ch) => ch.assertQueue(otherQueue, { durable: true, arguments: { 'x-queue-type': 'quorum' } })],
    ['bind another partner\'s queue', (ch) => ch.bindQueue(otherQueue, otherExchange, '#')],
    ['bind its own queue to another partner\'s exchange', (ch) => ch.bindQueue(ownQueue, otherExchange, '#')],
    ['consume another partner\'s queue', (ch) => ch.consume(otherQueue, () => {}, { noAck: true })],
    ['publish to its own exchange', async (ch) => {
      ch.publish(ownExchange, 'incident.sindh.karachi-south.none', Buffer.from('{"forged":true}'), { contentType: 'application/json' });
      await ch.waitForConfirms();
    }],
  ];
  for (const [attempt, action] of attempts) {
    const channel = await connection.createConfirmChannel();
    let closed = null;
    channel.on('error', (error) => { closed = error; });
    try {
      await action(channel);
      // A round trip after the attempt: a refusal closes the channel before its answer.
      await channel.checkExchange(ownExchange);
      print({ attempt, refused: false });
      await channel.close();
    } catch (error) {
      await new Promise((resolve) => setImmediate(resolve));
      const cause = closed || error;
      print({ attempt, refused: true, code: cause.code, message: cause.message });
    }
  }
  await connection.close().catch(() => {});
}

(async () => {
  if (mode === 'read') {
    await read(rest[0], Number(rest[1]), Number(rest[2]));
  } else if (mode === 'trespass') {
    await trespass(...rest);
  } else {
    throw new Error(`unknown mode '${mode}'; use read or trespass`);
  }
})().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`consumer: ${error.message}\n`);
    process.exit(3);
  },
);

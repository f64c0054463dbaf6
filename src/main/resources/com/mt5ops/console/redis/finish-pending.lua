-- Updates a transition's pending record only while it still names that transaction: records the restart count
-- once it is counted ('counted'), or deletes the record when every follow-up step is done ('done').
-- KEYS: 1 pending record {instance:<id>}:console:txn. ARGV: 1 transaction id, 2 'counted' | 'done',
--       3 restart_count after the marking ('' when not counted), 4 why not counted ('' when counted)
-- Reply: 1 when the record named the transaction and was updated, 0 when it is gone or names another one.
local t = redis.call('TYPE', KEYS[1])['ok']
if t == 'none' then return 0 end
if t ~= 'hash' then return redis.error_reply(KEYS[1] .. ' is a ' .. t .. ', not a hash') end
if redis.call('HGET', KEYS[1], 'txn') ~= ARGV[1] then return 0 end
if ARGV[2] == 'done' then
  redis.call('DEL', KEYS[1])
elseif ARGV[2] == 'counted' then
  redis.call('HSET', KEYS[1], 'count_done', '1', 'restart_count', ARGV[3], 'count_note', ARGV[4])
else
  return redis.error_reply('finish-pending.lua: the step must be counted or done, not ' .. ARGV[2])
end
return 1

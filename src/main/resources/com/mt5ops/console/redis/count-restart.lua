-- One restart marking's +1 on restart_count, at most once per transaction: the transaction ids counted are kept
-- beside the health hash, in the same slot, with what each answered, for a retention period.
-- KEYS: 1 health hash, 2 counted record {instance_health:<id>}:console:counted (hash: txn -> "<ms>|<outcome>|<value>")
-- ARGV: 1 transaction id, 2 retention in ms
-- Reply: {'COUNTED', restart_count after} or {'NOT_COUNTED', why}; a transaction counted before answers as it did then.
-- Errors (nothing written): a key of the wrong type, a restart_count HINCRBY refuses.
if redis.replicate_commands then redis.replicate_commands() end -- Redis 6.2: TIME before writes needs effects replication

local ct = redis.call('TYPE', KEYS[2])['ok']
if ct ~= 'none' and ct ~= 'hash' then return redis.error_reply(KEYS[2] .. ' is a ' .. ct .. ', not a hash') end
local prior = redis.call('HGET', KEYS[2], ARGV[1])
if prior then
  local _, _, outcome, value = string.find(prior, '^[^|]*|([^|]*)|(.*)$')
  return {outcome or 'COUNTED', value or ''}
end

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local reply
local ht = redis.call('TYPE', KEYS[1])['ok']
if ht == 'none' then
  reply = {'NOT_COUNTED', 'no health hash, restart_count not counted'}
elseif ht ~= 'hash' then
  return redis.error_reply(KEYS[1] .. ' is a ' .. ht .. ', not a hash')
else
  local r = redis.pcall('HINCRBY', KEYS[1], 'restart_count', '1')
  if type(r) == 'table' and r.err then return r end
  -- Read back as text: the integer reply would pass through a Lua double.
  reply = {'COUNTED', redis.call('HGET', KEYS[1], 'restart_count')}
end

local retention = tonumber(ARGV[2])
local fields = redis.call('HGETALL', KEYS[2])
for i = 1, #fields, 2 do
  local seen = tonumber(string.match(fields[i + 1], '^(%d+)|'))
  if not seen or seen < now - retention then redis.call('HDEL', KEYS[2], fields[i]) end
end
redis.call('HSET', KEYS[2], ARGV[1], string.format('%.0f', now) .. '|' .. reply[1] .. '|' .. reply[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return reply

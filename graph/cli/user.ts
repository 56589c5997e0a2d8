// npm run user -- add NAME --role viewer|liaison|planner|admin [--unit 市发改委 ...] [--password-stdin]
// npm run user -- passwd NAME [--password-stdin]
// npm run user -- disable NAME | enable NAME
// npm run user -- list
// Manages team-mode accounts. The first account puts guatu in team mode: from then on every page
// and API route needs a login. Passwords are asked twice without echo (or read from standard
// input with --password-stdin, for scripts) and kept only as Argon2id hashes. Every change is in
// the audit log. Exit 0: done; 1: the accounts file could not be changed; 2: wrong usage.
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROLE_WORDS, ROLES, Role } from '../../contract/accounts.ts';
import { AuditLog } from '../accounts/audit.ts';
import {
  checkPasswordStrength,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  PasswordError,
} from '../accounts/password.ts';
import { accountPaths } from '../accounts/paths.ts';
import { AccountError, AccountName, AccountStore, type Account } from '../accounts/store.ts';

export const USAGE = [
  'usage: npm run user -- add NAME --role ROLE [--unit UNIT ...] [--password-stdin]',
  '       npm run user -- passwd NAME [--password-stdin]',
  '       npm run user -- disable NAME | enable NAME',
  '       npm run user -- list',
  '',
  `  --role ROLE       ${ROLES.map((role) => `${role} (${ROLE_WORDS[role].zh})`).join(', ')}`,
  '  --unit UNIT       for a liaison: a unit it answers for, by name (市发改委) or id (武汉市/市发改委); repeat for more',
  `  --password-stdin  read the password from standard input (first line) instead of asking; at least ${MIN_PASSWORD_LENGTH} characters`,
  '',
  '用法：add 新建账号，passwd 改密码，disable/enable 停用/启用，list 列出账号。第一个账号建立后，guatu 进入团队模式，所有页面都需要登录。',
].join('\n');

const USAGE_ERROR = 2;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Command =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'add'; name: string; role: Role; units: string[]; passwordStdin: boolean }
  | { kind: 'passwd'; name: string; passwordStdin: boolean }
  | { kind: 'disable' | 'enable'; name: string };

/** Reads the arguments; everything that can be wrong without the accounts file is found here. */
export function readArguments(args: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        unit: { type: 'string', multiple: true },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals.length === 0) return { kind: 'help' };
  const [verb, name, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if (verb === 'list') {
    if (name !== undefined) throw new UsageError('list takes no name');
    return { kind: 'list' };
  }
  if (verb !== 'add' && verb !== 'passwd' && verb !== 'disable' && verb !== 'enable') {
    throw new UsageError(`unknown command "${verb}": use add, passwd, disable, enable or list`);
  }
  const checkedName = AccountName.safeParse(name ?? '');
  if (!checkedName.success)
    throw new UsageError(checkedName.error.issues[0]?.message ?? 'bad name');
  const passwordStdin = values['password-stdin'] === true;
  if (verb === 'add') {
    const role = Role.safeParse(values.role);
    if (!role.success) {
      throw new UsageError(
        `--role must be one of ${ROLES.join(', ')} / 角色须为 ${ROLES.map((r) => ROLE_WORDS[r].zh).join('、')}`,
      );
    }
    const units = (values.unit ?? []).map((unit) => unit.trim()).filter((unit) => unit !== '');
    if (role.data === 'liaison' && units.length === 0) {
      throw new UsageError(
        'a liaison needs at least one --unit it answers for / 单位联络员需要用 --unit 指定所联络的单位',
      );
    }
    if (role.data !== 'liaison' && units.length > 0) {
      throw new UsageError('--unit is for liaisons only / 只有单位联络员需要指定单位');
    }
    return { kind: 'add', name: checkedName.data, role: role.data, units, passwordStdin };
  }
  if (values.role !== undefined || values.unit !== undefined) {
    throw new UsageError(`--role and --unit go with add, not ${verb}`);
  }
  if (verb === 'passwd') return { kind: 'passwd', name: checkedName.data, passwordStdin };
  return { kind: verb, name: checkedName.data };
}

async function readLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/** Asks without echoing what is typed (a terminal only). */
async function ask(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new UsageError('no terminal to ask for a password: use --password-stdin');
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  let typed = '';
  try {
    for await (const chunk of stdin) {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n') return typed;
        if (char === '\u0003') throw new UsageError('cancelled');
        if (char === '\u007f') typed = typed.slice(0, -1);
        else typed += char;
      }
    }
    return typed;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}

async function newPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const password = await readLine(process.stdin);
    checkPasswordStrength(password);
    return password;
  }
  const first = await ask('新密码 / new password: ');
  checkPasswordStrength(first);
  const second = await ask('再输一次 / again: ');
  if (first !== second) throw new PasswordError('两次输入不一致 / the two passwords differ');
  return first;
}

function describe(account: Account): string {
  const role = `${account.role} (${ROLE_WORDS[account.role].zh})`;
  const units = account.units.length > 0 ? `  ${account.units.join('、')}` : '';
  const state = account.disabled ? '  [停用 disabled]' : '';
  return `${account.name}\t${role}${units}${state}`;
}

export async function main(args: readonly string[]): Promise<number> {
  let command: Command;
  try {
    command = readArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  if (command.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  const paths = accountPaths();
  const store = await AccountStore.open(paths.accounts);
  const audit = new AuditLog(paths.audit);
  const record = (action: string, target: string, before: unknown, after: unknown) =>
    audit.append({
      who: 'npm run user',
      role: 'shell',
      action,
      target,
      before,
      after,
      origin: null,
      address: null,
    });
  try {
    switch (command.kind) {
      case 'list': {
        const accounts = store.accounts();
        if (accounts.length === 0)
          console.log('没有账号：guatu 以本地模式运行 / no accounts: guatu runs in local mode');
        for (const account of accounts) console.log(describe(account));
        return 0;
      }
      case 'add': {
        const passwordHash = await hashPassword(await newPassword(command.passwordStdin));
        const account = store.add({
          name: command.name,
          role: command.role,
          units: command.units,
          passwordHash,
        });
        await record('add-account', account.name, null, {
          role: account.role,
          units: account.units,
        });
        console.log(`已建立 / added: ${describe(account)}`);
        return 0;
      }
      case 'passwd': {
        if (store.account(command.name) === null)
          throw new AccountError(
            'unknown',
            `there is no account ${command.name} / 没有账号 ${command.name}`,
          );
        store.setPassword(
          command.name,
          await hashPassword(await newPassword(command.passwordStdin)),
        );
        await record('change-password', command.name, null, null);
        console.log(
          `密码已更改，原有登录已退出 / password changed; its sessions are ended: ${command.name}`,
        );
        return 0;
      }
      case 'disable':
      case 'enable': {
        const before = store.account(command.name);
        store.setDisabled(command.name, command.kind === 'disable');
        await record(
          `${command.kind}-account`,
          command.name,
          { disabled: before?.disabled ?? null },
          { disabled: command.kind === 'disable' },
        );
        console.log(
          `${command.kind === 'disable' ? '已停用 / disabled' : '已启用 / enabled'}: ${command.name}`,
        );
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return USAGE_ERROR;
    }
    if (error instanceof AccountError || error instanceof PasswordError) {
      console.error(error.message);
      return error instanceof PasswordError ? USAGE_ERROR : 1;
    }
    throw error;
  } finally {
    store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
